package io.integrator.validation;

import io.integrator.model.Resource;

/**
 * An extra rule the {@link Validator} runs on every document after its own rules, e.g. the
 * mapping engine's "does this mapping compile". Report through the context; never throw for a bad
 * document (an exception is caught and reported as one error naming the check).
 */
@FunctionalInterface
public interface DocumentCheck {
  /**
   * Checks one document.
   *
   * @param resource the normalized document
   * @param ctx where to report problems; also gives the project when validating a set
   */
  void check(Resource resource, ValidationContext ctx);
}
