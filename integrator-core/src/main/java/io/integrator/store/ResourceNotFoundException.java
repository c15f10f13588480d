package io.integrator.store;

import io.integrator.model.ResourceKind;

/**
 * No resource of the given kind has the given id (the API's 404). The message names both, for
 * example {@code Export 'abc' does not exist}.
 */
public class ResourceNotFoundException extends StoreException {
  private static final long serialVersionUID = 1L;

  /** The kind concerned. */

  private final ResourceKind kind;

  /** The value concerned. */
  private final String id;

  /**
   * Creates the exception.
   *
   * @param kind the kind that was looked up
   * @param id the id that was not found
   */
  public ResourceNotFoundException(ResourceKind kind, String id) {
    super(kind.displayName() + " '" + id + "' does not exist");
    this.kind = kind;
    this.id = id;
  }

  /** {@return the kind that was looked up} */
  public ResourceKind kind() {
    return kind;
  }

  /** {@return the id that was not found} */
  public String id() {
    return id;
  }
}
