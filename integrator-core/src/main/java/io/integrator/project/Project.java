package io.integrator.project;

import io.integrator.model.Export;
import io.integrator.model.Import;
import io.integrator.model.Resource;
import io.integrator.model.ResourceKind;
import io.integrator.validation.Problem;
import io.integrator.validation.ProjectResources;
import io.integrator.validation.ValidationReport;
import io.integrator.validation.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources loaded from a project directory (or from single files), with the problems met
 * while loading. Built by {@link ProjectDirectory}; immutable.
 *
 * <p>Every resource has an id: its {@code _id}, or the file name without {@code .json} when the
 * document has none (the id is then written into the loaded JSON as {@code _id}). A distributed
 * sub-document has its parent's id.
 */
public final class Project implements ProjectResources {
  private final Path root;
  private final List<Resource> resources;
  private final Map<Resource, String> sources;
  private final Map<String, Resource> byKindAndId;
  private final List<Problem> loadProblems;

  Project(Path root, Map<String, Resource> bySource, List<Problem> loadProblems) {
    this.root = root;
    this.resources = List.copyOf(bySource.values());
    this.sources = new IdentityHashMap<>();
    this.byKindAndId = new LinkedHashMap<>();
    bySource.forEach(
        (src, r) -> {
          sources.put(r, src);
          byKindAndId.putIfAbsent(key(r.kind(), r.id()), r);
        });
    this.loadProblems = List.copyOf(loadProblems);
  }

  private static String key(ResourceKind kind, String id) {
    return kind.name() + "/" + id;
  }

  /** The project directory, or null for loose files. */
  public Path root() {
    return root;
  }

  /** Every loaded resource, in load order (folders and files by name; distributed files after the other files of their folder). */
  @Override
  public List<Resource> resources() {
    return resources;
  }

  /** The loaded resources of one kind, in load order. */
  public List<Resource> resources(ResourceKind kind) {
    return resources.stream().filter(r -> r.kind() == kind).toList();
  }

  /** The source name of a loaded resource ({@code exports/my-export.json}), or "". */
  @Override
  public String sourceOf(Resource resource) {
    return sources.getOrDefault(resource, "");
  }

  /** The resource of that kind with that id. */
  @Override
  public Optional<Resource> find(ResourceKind kind, String id) {
    return Optional.ofNullable(byKindAndId.get(key(kind, id)));
  }

  /** The resource of that kind and id, cast to its class. */
  public <T extends Resource> Optional<T> find(Class<T> type, ResourceKind kind, String id) {
    return find(kind, id).filter(type::isInstance).map(type::cast);
  }

  /**
   * The distributed sub-document of an export or import ({@code <name>.distributed.json}), if the
   * project has one.
   */
  public Optional<Resource> distributedOf(Resource parent) {
    if (parent.id() == null) {
      return Optional.empty();
    }
    return switch (parent.kind()) {
      case EXPORT -> find(ResourceKind.DISTRIBUTED_EXPORT, parent.id());
      case IMPORT -> find(ResourceKind.DISTRIBUTED_IMPORT, parent.id());
      default -> Optional.empty();
    };
  }

  /** The export or import with that {@code apiIdentifier}. */
  public Optional<Resource> findByApiIdentifier(String apiIdentifier) {
    return resources.stream()
        .filter(r -> r instanceof Export || r instanceof Import)
        .filter(r -> apiIdentifier.equals(r.json().path("apiIdentifier").asText(null)))
        .findFirst();
  }

  /**
   * Problems met while loading: unreadable or empty files (errors with line and column), unknown
   * folders and files (warnings), duplicate ids and orphan distributed files (errors).
   */
  public List<Problem> loadProblems() {
    return loadProblems;
  }

  /** The load problems followed by what the validator finds in the loaded set. */
  public ValidationReport validate(Validator validator) {
    List<Problem> all = new ArrayList<>(loadProblems);
    all.addAll(validator.validate(this).problems());
    return new ValidationReport(all);
  }
}
