package io.integrator;

import io.integrator.model.Resource;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import io.integrator.store.ResourceNotFoundException;
import io.integrator.store.ResourceStore;
import io.integrator.validation.ProjectResources;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Presents one candidate document together with what a store holds, so the validator checks the
 * candidate's references against the store without validating everything else again.
 */
final class StoreView implements ProjectResources {
  private final ResourceStore store;
  private final Resource candidate;
  private final String source;

  StoreView(ResourceStore store, Resource candidate, String source) {
    this.store = store;
    this.candidate = candidate;
    this.source = source;
  }

  @Override
  public List<Resource> resources() {
    return List.of(candidate);
  }

  @Override
  public String sourceOf(Resource resource) {
    return source;
  }

  @Override
  public String whereToFind(ResourceKind kind, String id) {
    return "is stored; create the " + kind.displayName().toLowerCase(java.util.Locale.ROOT)
        + " first and use the _id it is given";
  }

  @Override
  public boolean distributedDocumentsComeLater() {
    return true;
  }

  @Override
  public Optional<Resource> find(ResourceKind kind, String id) {
    if (id == null) {
      return Optional.empty();
    }
    if (candidate.kind() == kind && Objects.equals(candidate.id(), id)) {
      return Optional.of(candidate);
    }
    if (kind.isDistributed()) {
      try {
        return Optional.of(Resources.of(kind, store.getDistributed(kind.parent(), id)));
      } catch (ResourceNotFoundException e) {
        return Optional.empty();
      }
    }
    return store.find(kind, id).map(doc -> Resources.of(kind, doc));
  }
}
