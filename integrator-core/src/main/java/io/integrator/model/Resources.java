package io.integrator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Builds {@link Resource}s: normalizes lenient input (REFERENCE §0) and returns the subclass for
 * the kind.
 *
 * <p>Normalization: {@code "true"}/{@code "false"} become booleans and numeric strings become
 * numbers where the schema wants them, and integral floats ({@code 20.0}) whole numbers where it
 * wants an integer; numbers and booleans become strings where the schema wants
 * a string; enum values get their documented case ({@code get} becomes {@code GET} for {@code
 * rest.method}, {@code REST} becomes {@code rest} for a connection type) and value aliases ({@code
 * cancelled} becomes {@code canceled}); field aliases are renamed to the canonical field in place
 * ({@code lookup} to {@code lookupName}, {@code _preMappingId} to {@code _preMapId}, distributed
 * {@code preMapping} to {@code preMap}, {@code functionName} to {@code function}, Job Error {@code
 * resolve} to {@code resolved}); IClient flat {@code clientId}/{@code clientSecret}/{@code
 * scope}/{@code scopeDelimiter}/{@code redirectUri} move into {@code oauth2}. When both an alias and
 * its canonical field are present, both are kept and validation reports the alias. A value that
 * cannot be normalized is kept as written, for validation to report. Normalization never fails.
 */
public final class Resources {
  private Resources() {}

  /** Normalizes a copy of the document and wraps it in the subclass for the kind. */
  public static Resource of(ResourceKind kind, ObjectNode document) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(document, "document");
    return wrap(kind, Normalizer.normalize(kind, document));
  }

  /**
   * Parses ({@link ResourceJson#read}), normalizes and wraps a document.
   *
   * @throws DocumentParseException when the text is not a JSON object
   */
  public static Resource parse(ResourceKind kind, String json, String sourceName) {
    return of(kind, ResourceJson.read(json, sourceName));
  }

  /** Typed variant of {@link #of}: {@code Resources.of(Export.class, ...)}. */
  public static <T extends Resource> T of(Class<T> type, ObjectNode document) {
    for (ResourceKind k : ResourceKind.values()) {
      Resource r = wrap(k, document.objectNode());
      if (type.isInstance(r)) {
        return type.cast(of(k, document));
      }
    }
    throw new IllegalArgumentException("not a resource class: " + type.getName());
  }

  static Resource wrap(ResourceKind kind, ObjectNode doc) {
    return switch (kind) {
      case CONNECTION -> new Connection(doc);
      case EXPORT -> new Export(doc);
      case IMPORT -> new Import(doc);
      case FLOW -> new Flow(doc);
      case INTEGRATION -> new Integration(doc);
      case CONNECTOR -> new Connector(doc);
      case ICLIENT -> new IClient(doc);
      case JOB -> new Job(doc);
      case JOB_ERROR -> new JobError(doc);
      case RETRY -> new Retry(doc);
      case DISTRIBUTED_EXPORT -> new DistributedExport(doc);
      case DISTRIBUTED_IMPORT -> new DistributedImport(doc);
    };
  }
}
