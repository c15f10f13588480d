package io.integrator;

import java.util.List;

/**
 * A resource cannot be deleted because others refer to it (the API's 409 {@code resource_in_use}).
 * The message lists the referrers, so the user knows what to change or delete first.
 */
public final class ResourceInUseException extends IntegratorException {
  private static final long serialVersionUID = 1L;
  private final List<String> referrers;

  ResourceInUseException(String what, List<String> referrers) {
    super(
        what
            + " is in use by "
            + String.join(", ", referrers)
            + "; change or delete "
            + (referrers.size() == 1 ? "it" : "them")
            + " first");
    this.referrers = List.copyOf(referrers);
  }

  /** The referring resources, each as {@code <collection>/<id>} (e.g. {@code exports/my-export}). */
  public List<String> referrers() {
    return referrers;
  }
}
