package io.integrator.mapping;

/**
 * One problem in a mapping or lookup definition, found at compile time.
 *
 * @param path    JSON path relative to the import, e.g. {@code mapping.fields[2].extract} or
 *                {@code netsuite.lookups[1].name}
 * @param message what is wrong, e.g. {@code [*] is allowed only inside lists}
 * @param unknownLookup for a field that names a lookup the import does not define, that name
 *     (validators may treat it specially); otherwise null
 */
public record MappingProblem(String path, String message, String unknownLookup) {

    /** A problem that is not about an undefined lookup. */
    public MappingProblem(String path, String message) {
        this(path, message, null);
    }

    /** A field names a lookup the import does not define. */
    static MappingProblem unknownLookup(String path, String name) {
        return new MappingProblem(path, "unknown lookup \"" + name + "\"", name);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
