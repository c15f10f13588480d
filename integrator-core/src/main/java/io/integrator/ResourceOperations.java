package io.integrator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.Resource;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import io.integrator.model.Schemas;
import io.integrator.model.Secrets;
import io.integrator.store.ResourceNotFoundException;
import io.integrator.store.ResourceStore;
import io.integrator.validation.ValidationReport;
import io.integrator.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Create, read, update and delete for one kind of resource, with the semantics of the API
 * document's endpoint tables:
 *
 * <ul>
 *   <li>{@link #create} validates the document (its references must point at stored resources),
 *       stores it and returns it with {@code _id}, {@code apiIdentifier} (exports and imports) and
 *       {@code lastModified} assigned;
 *   <li>{@link #update} <em>replaces</em> the document: omitted fields are removed. A secret sent
 *       back as {@code ********} keeps the stored value;
 *   <li>{@link #get} and {@link #delete} of a missing id throw {@link ResourceNotFoundException};
 *   <li>{@link #delete} refuses with {@link ResourceInUseException} while other resources refer to
 *       this one.
 * </ul>
 *
 * <p>Every resource this class returns has its secrets masked as {@code ********}: secrets are
 * write-only, as in the API. The engine reads the real values from the store itself.
 *
 * @param <T> the resource class, e.g. {@link io.integrator.model.Export}
 */
public class ResourceOperations<T extends Resource> {
  /** Configuration kinds whose documents may refer to other resources; jobs never block a delete. */
  private static final List<ResourceKind> REFERRING_KINDS =
      List.of(
          ResourceKind.CONNECTION,
          ResourceKind.EXPORT,
          ResourceKind.IMPORT,
          ResourceKind.FLOW,
          ResourceKind.INTEGRATION,
          ResourceKind.CONNECTOR);

  final ResourceStore store;
  final ResourceKind kind;
  final Class<T> type;
  private final Validator validator;

  ResourceOperations(ResourceStore store, Validator validator, ResourceKind kind, Class<T> type) {
    this.store = store;
    this.validator = validator;
    this.kind = kind;
    this.type = type;
  }

  /**
   * Validates and stores a new resource. A document may carry its own {@code _id} (project
   * directories use file names); otherwise a 24-hex id is assigned.
   *
   * @return the stored resource, secrets masked
   * @throws InvalidResourceException when the document is not valid, listing every problem
   * @throws io.integrator.store.ResourceConflictException when the given {@code _id} is taken
   */
  public T create(T resource) {
    check(resource, kind.collection() + "/" + (resource.id() == null ? "(new)" : resource.id()));
    return masked(store.create(kind, resource.json()));
  }

  /**
   * Parses a document written as in the API document (comments and trailing commas allowed) and
   * creates it as {@link #create(Resource)} does.
   *
   * @throws io.integrator.model.DocumentParseException when the text is not a JSON object
   */
  public T create(String json) {
    return create(type.cast(Resources.parse(kind, json, kind.collection() + "/(new)")));
  }

  /**
   * Replaces the stored document with {@code id}. {@code _id}, {@code apiIdentifier} and
   * {@code createdAt} are kept; secrets given as a mask keep their stored values.
   *
   * @return the stored resource, secrets masked
   * @throws ResourceNotFoundException when no resource has this id
   * @throws InvalidResourceException when the new document is not valid
   */
  public T update(String id, T resource) {
    store.get(kind, id); // a missing id is a not-found error before any validation noise
    check(resource.withId(id), kind.collection() + "/" + id);
    ObjectNode doc = resource.json();
    if (kind == ResourceKind.CONNECTION) {
      // offline is the engine's; an update (new credentials, say) brings the connection back online
      doc.remove("offline");
    }
    return masked(store.update(kind, id, doc));
  }

  /**
   * The resource with this id, secrets masked.
   *
   * @throws ResourceNotFoundException when there is none
   */
  public T get(String id) {
    return masked(store.get(kind, id));
  }

  /** The resource with this id, secrets masked, or empty. */
  public Optional<T> find(String id) {
    return store.find(kind, id).map(this::masked);
  }

  /** Every stored resource of this kind, secrets masked. */
  public List<T> list() {
    return store.list(kind).stream().map(this::masked).toList();
  }

  /**
   * Deletes the resource (an export's or import's distributed document goes with it).
   *
   * @throws ResourceNotFoundException when there is none
   * @throws ResourceInUseException when other resources refer to it
   */
  public void delete(String id) {
    store.get(kind, id);
    List<String> referrers = referrersOf(id);
    if (!referrers.isEmpty()) {
      throw new ResourceInUseException(kind.displayName() + " '" + id + "'", referrers);
    }
    store.delete(kind, id);
  }

  final void check(Resource resource, String source) {
    ValidationReport report = validator.validate(new StoreView(store, resource, source));
    if (!report.isValid()) {
      throw new InvalidResourceException(report);
    }
  }

  final T masked(ObjectNode stored) {
    return type.cast(Resources.of(kind, Secrets.mask(kind, stored)));
  }

  private List<String> referrersOf(String id) {
    List<String> out = new ArrayList<>();
    for (ResourceKind k : REFERRING_KINDS) {
      for (ObjectNode doc : store.list(k)) {
        boolean refers =
            Schemas.references(k, doc).stream()
                .anyMatch(r -> r.target() == kind && r.id().equals(id));
        String referrerId = doc.path("_id").asText();
        if (refers && !(k == kind && referrerId.equals(id))) {
          out.add(k.collection() + "/" + referrerId);
        }
      }
    }
    return out;
  }
}
