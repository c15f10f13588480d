package io.integrator.store;

import io.integrator.model.ResourceKind;

/**
 * A create asked for an {@code _id} or {@code apiIdentifier} that another resource already uses
 * (the API's 409). The message names the kind and the value in use.
 */
public class ResourceConflictException extends StoreException {
  private static final long serialVersionUID = 1L;

  /** The kind concerned. */

  private final ResourceKind kind;

  /** The value concerned. */
  private final String value;

  /**
   * Creates the exception.
   *
   * @param kind the kind being created
   * @param field the field whose value is taken ({@code _id} or {@code apiIdentifier})
   * @param value the value that is taken
   */
  public ResourceConflictException(ResourceKind kind, String field, String value) {
    super(
        kind.displayName()
            + " cannot be created: "
            + field
            + " '"
            + value
            + "' is already in use; choose another "
            + field
            + " or omit it to have one generated");
    this.kind = kind;
    this.value = value;
  }

  /** {@return the kind being created} */
  public ResourceKind kind() {
    return kind;
  }

  /** {@return the {@code _id} or {@code apiIdentifier} value that is already in use} */
  public String value() {
    return value;
  }
}
