package io.integrator.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of resource the API document defines, with the collection name each uses in URIs and
 * in a project directory ({@code exports/my-export.json}).
 *
 * <p>The two distributed sub-documents ({@code /exports/{id}/distributed} and
 * {@code /imports/{id}/distributed}) are kinds of their own: they share their parent's id and sit
 * beside the parent in a project directory as {@code <name>.distributed.json}.
 */
public enum ResourceKind {
  CONNECTION("connections", "Connection"),
  EXPORT("exports", "Export"),
  IMPORT("imports", "Import"),
  FLOW("flows", "Flow"),
  INTEGRATION("integrations", "Integration"),
  CONNECTOR("connectors", "Connector"),
  ICLIENT("iclients", "IClient"),
  JOB("jobs", "Job"),
  JOB_ERROR("joberrors", "Job Error"),
  RETRY("retries", "Retry"),
  /** The distributed component of an export; its id is the export's id. */
  DISTRIBUTED_EXPORT("exports", "Distributed Export"),
  /** The distributed component of an import; its id is the import's id. */
  DISTRIBUTED_IMPORT("imports", "Distributed Import");

  private final String collection;
  private final String displayName;

  ResourceKind(String collection, String displayName) {
    this.collection = collection;
    this.displayName = displayName;
  }

  /** The plural name used in URIs and project directories, e.g. {@code exports}. */
  public String collection() {
    return collection;
  }

  /** The name the API document uses for this resource, e.g. {@code Job Error}. */
  public String displayName() {
    return displayName;
  }

  /** True for the two distributed sub-documents. */
  public boolean isDistributed() {
    return this == DISTRIBUTED_EXPORT || this == DISTRIBUTED_IMPORT;
  }

  /** The kind whose sub-document this is, or this kind itself. */
  public ResourceKind parent() {
    return switch (this) {
      case DISTRIBUTED_EXPORT -> EXPORT;
      case DISTRIBUTED_IMPORT -> IMPORT;
      default -> this;
    };
  }

  /**
   * Finds the top-level kind for a collection name ({@code exports}) or a singular name
   * ({@code export}), case-insensitively. Distributed kinds are never returned.
   */
  public static Optional<ResourceKind> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
    return Arrays.stream(values())
        .filter(k -> !k.isDistributed())
        .filter(
            k ->
                k.collection.equals(n)
                    || k.name().toLowerCase(Locale.ROOT).replace("_", "").equals(n)
                    || (k == RETRY && n.equals("retry")))
        .findFirst();
  }
}
