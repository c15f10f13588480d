package io.integrator.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link Mapping#compile} when a mapping or its lookups are invalid; carries every problem found. */
public class MappingDefinitionException extends RuntimeException {

    private final List<MappingProblem> problems;

    /**
     * @param problems all problems, at least one
     */
    public MappingDefinitionException(List<MappingProblem> problems) {
        super("invalid mapping: " + problems.stream().map(MappingProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, in document order */
    public List<MappingProblem> problems() {
        return problems;
    }
}
