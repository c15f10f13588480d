package io.integrator;

import io.integrator.model.Resource;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import io.integrator.model.Secrets;
import io.integrator.store.ResourceNotFoundException;
import io.integrator.store.ResourceStore;
import io.integrator.validation.Validator;
import java.util.Optional;

/**
 * {@link ResourceOperations} for exports and imports, which also have an {@code apiIdentifier}
 * and a distributed sub-document ({@code /exports/{id}/distributed}, {@code
 * /imports/{id}/distributed}).
 *
 * @param <T> {@link io.integrator.model.Export} or {@link io.integrator.model.Import}
 * @param <D> the matching distributed document class
 */
public final class StepOperations<T extends Resource, D extends Resource>
    extends ResourceOperations<T> {
  private final ResourceKind distributedKind;
  private final Class<D> distributedType;

  StepOperations(
      ResourceStore store,
      Validator validator,
      ResourceKind kind,
      Class<T> type,
      Class<D> distributedType) {
    super(store, validator, kind, type);
    this.distributedKind =
        kind == ResourceKind.EXPORT ? ResourceKind.DISTRIBUTED_EXPORT : ResourceKind.DISTRIBUTED_IMPORT;
    this.distributedType = distributedType;
  }

  /** The resource with this {@code apiIdentifier} (e.g. {@code e53ec313}), secrets masked. */
  public Optional<T> findByApiIdentifier(String apiIdentifier) {
    return store
        .findByApiIdentifier(apiIdentifier)
        .filter(found -> found.kind() == kind)
        .map(found -> masked(found.document()));
  }

  /**
   * Creates or replaces the distributed document of the resource with this id (PUT semantics).
   *
   * @return the stored distributed document, secrets masked
   * @throws ResourceNotFoundException when the parent does not exist
   * @throws InvalidResourceException when the document is not valid
   */
  public D putDistributed(String id, D distributed) {
    store.get(kind, id);
    check(distributed.withId(id), kind.collection() + "/" + id + "/distributed");
    return maskedDistributed(store.putDistributed(kind, id, distributed.json()));
  }

  /**
   * The distributed document of the resource with this id, secrets masked.
   *
   * @throws ResourceNotFoundException when the parent or its distributed document does not exist
   */
  public D getDistributed(String id) {
    return maskedDistributed(store.getDistributed(kind, id));
  }

  private D maskedDistributed(com.fasterxml.jackson.databind.node.ObjectNode stored) {
    return distributedType.cast(
        Resources.of(distributedKind, Secrets.mask(distributedKind, stored)));
  }
}
