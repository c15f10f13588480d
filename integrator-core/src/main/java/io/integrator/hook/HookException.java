package io.integrator.hook;

import io.integrator.IntegratorException;

/**
 * A hook threw, broke its contract (wrong length, malformed item), or is not registered. The engine
 * turns it into job errors whose source is the hook's ({@code pre_map_hook}, ...).
 */
public final class HookException extends IntegratorException {
  private static final long serialVersionUID = 1L;
  private final String code;

  /**
   * Creates an exception.
   *
   * @param code symbolic code, e.g. {@code hook_contract} or {@code hook_failed}
   * @param message what happened and what to change
   */
  public HookException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** @return the symbolic code */
  public String code() {
    return code;
  }
}
