package io.integrator.mapping;

import java.util.List;

/**
 * What {@link Mapping#review} found in a mapping definition.
 *
 * @param problems what makes the mapping unusable (each a validation error)
 * @param warnings what works but is probably not meant (each a validation warning)
 */
public record MappingReview(List<MappingProblem> problems, List<MappingProblem> warnings) {

    public MappingReview {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
