package io.integrator.mapping;

/**
 * One problem in a mapping or lookup definition, found at compile time.
 *
 * @param path    JSON path relative to the import, e.g. {@code mapping.fields[2].extract} or
 *                {@code netsuite.lookups[1].name}
 * @param message what is wrong, e.g. {@code [*] is allowed only inside lists}
 */
public record MappingProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
