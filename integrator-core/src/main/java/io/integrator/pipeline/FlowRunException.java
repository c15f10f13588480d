package io.integrator.pipeline;

import io.integrator.IntegratorException;

/**
 * A run could not start or a standalone call was refused: unknown flow or export, disabled flow,
 * an integration being installed, a retry already running for the same errors, a resource the
 * engine cannot run. {@link #code()} is a symbolic code such as {@code flow_disabled}.
 */
public final class FlowRunException extends IntegratorException {
  private static final long serialVersionUID = 1L;
  private final String code;

  /**
   * Creates an exception.
   *
   * @param code symbolic code
   * @param message what happened and what to do
   */
  public FlowRunException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** @return the symbolic code */
  public String code() {
    return code;
  }
}
