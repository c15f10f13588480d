package io.integrator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An Import (REFERENCE §4): maps each record and submits it to a system through {@code rest},
 * {@code http}, {@code netsuite} or {@code ftp}+{@code file}; {@code distributed: true} moves the
 * config to the {@link DistributedImport}.
 */
public final class Import extends Resource {
  Import(ObjectNode doc) {
    super(ResourceKind.IMPORT, doc);
  }

  /** {@code _connectionId}, or null. */
  public String connectionId() {
    return text("_connectionId");
  }

  /** {@code apiIdentifier}, or null. */
  public String apiIdentifier() {
    return text("apiIdentifier");
  }

  /** {@code _integrationId}, or null. */
  public String integrationId() {
    return text("_integrationId");
  }

  /** {@code distributed}, default false. */
  public boolean isDistributed() {
    return flag("distributed", false);
  }

  /** {@code mapping} as a read-only copy, or MissingNode (the record is sent unchanged). */
  public JsonNode mapping() {
    return get("mapping");
  }

  /**
   * The lookups of this import: {@code http.lookups}, {@code rest.lookups} and {@code
   * netsuite.lookups}, concatenated in that order (copies).
   */
  public List<ObjectNode> lookups() {
    List<ObjectNode> out = new ArrayList<>();
    out.addAll(objects("http.lookups"));
    out.addAll(objects("rest.lookups"));
    out.addAll(objects("netsuite.lookups"));
    return List.copyOf(out);
  }

  /** {@code maxAttempts}, or 0 when absent (the engine's default applies). */
  public int maxAttempts() {
    return integer("maxAttempts", 0);
  }

  /** {@code ignoreExisting}, default false. */
  public boolean ignoreExisting() {
    return flag("ignoreExisting", false);
  }

  /** {@code ignoreMissing}, default false. */
  public boolean ignoreMissing() {
    return flag("ignoreMissing", false);
  }

  /** {@code hooks._preMapId} (alias {@code _preMappingId}), or null. */
  public String preMapHookId() {
    return text("hooks._preMapId");
  }

  /** {@code hooks._postMapId} (alias {@code _postMappingId}), or null. */
  public String postMapHookId() {
    return text("hooks._postMapId");
  }

  /** {@code hooks._postSubmitId}, or null. */
  public String postSubmitHookId() {
    return text("hooks._postSubmitId");
  }

  /** The system section present: {@code http}, {@code rest}, {@code netsuite}, {@code ftp}, or null. */
  public String systemSection() {
    for (String s : new String[] {"http", "rest", "netsuite", "ftp"}) {
      if (node(s).isObject()) {
        return s;
      }
    }
    return null;
  }

  /** A read-only copy of a section ({@code rest}, {@code netsuite}, {@code file}, ...), or MissingNode. */
  public JsonNode section(String name) {
    return get(name);
  }
}
