package io.integrator.validation;

import io.integrator.model.Resource;
import io.integrator.model.ResourceKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A set of resources validated together (a project directory, or what a store holds). References
 * between them resolve by {@code _id} within a kind.
 */
public interface ProjectResources {
  /** Every resource, in a stable order (load order). */
  List<Resource> resources();

  /** The source name of a resource of this set (e.g. {@code exports/x.json}), compared by identity. */
  String sourceOf(Resource resource);

  /** The resource of that kind with that id, if the set holds one. */
  Optional<Resource> find(ResourceKind kind, String id);

  /**
   * Where a missing referenced resource was looked for and how to provide it, completing "no
   * connection with id x ...". For a project directory: {@code in this project (a file
   * connections/x.json or a document with that _id)}.
   */
  default String whereToFind(ResourceKind kind, String id) {
    return "in this project (a file " + kind.collection() + "/" + id + ".json or a document with that _id)";
  }

  /**
   * True when distributed sub-documents are added after their parent (the API's order: create
   * the import, then PUT its distributed document), so a missing one is not a problem yet; a run
   * without it still fails. False for a project directory, where the file must sit beside its
   * parent.
   */
  default boolean distributedDocumentsComeLater() {
    return false;
  }

  /**
   * A simple set from source names to resources (in map order). Ids are the resources' {@code
   * _id}; resources without one cannot be found by id.
   */
  static ProjectResources of(Map<String, ? extends Resource> bySource) {
    List<Resource> list = new ArrayList<>(bySource.values());
    Map<Resource, String> sources = new IdentityHashMap<>();
    Map<String, Resource> byId = new LinkedHashMap<>();
    bySource.forEach(
        (src, r) -> {
          sources.put(r, src);
          if (r.id() != null) {
            byId.putIfAbsent(r.kind() + "/" + r.id(), r);
          }
        });
    return new ProjectResources() {
      @Override
      public List<Resource> resources() {
        return List.copyOf(list);
      }

      @Override
      public String sourceOf(Resource resource) {
        return sources.getOrDefault(resource, "");
      }

      @Override
      public Optional<Resource> find(ResourceKind kind, String id) {
        return Optional.ofNullable(byId.get(kind + "/" + id));
      }
    };
  }
}
