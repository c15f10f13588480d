package io.integrator.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A per-record mapping or lookup failure, shaped like a job error (REFERENCE §12).
 *
 * @param code           symbolic code: {@code invalid_value}, {@code lookup_not_found}, {@code lookup_duplicate},
 *                       or the lookup source's code ({@code lookup_failed}, {@code "503"}, ...)
 * @param message        human text naming the field's extract and generate, the value and the reason,
 *                       e.g. {@code field extract "price" generate "rate": cannot convert "abc" to number}
 * @param source         {@code mapping} (conversion) or {@code lookup}
 * @param extract        the field's {@code extract} ({@code ""} for hard-coded or lookup-only fields)
 * @param generate       the field's {@code generate}; inside lists {@code list[line].field}, e.g. {@code item[2].rate}
 * @param extracted      the value taken from the record or hard-coded ({@code null} when none)
 * @param generated      the value that failed to convert (after the lookup), or {@code null}
 * @param classification {@code value}, {@code missing}, {@code duplicate}, {@code connection}, ...
 */
public record MappingError(String code, String message, String source, String extract, String generate,
        JsonNode extracted, JsonNode generated, String classification) {
}
