package io.integrator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An Export (REFERENCE §3): pulls records from a system and cuts them into pages. The system
 * section is one of {@code rest}, {@code http}, {@code ftp} (+ {@code file}) or {@code netsuite};
 * webhook exports have none and no {@code _connectionId}.
 */
public final class Export extends Resource {
  /** The page size used when {@code pageSize} is absent. */
  public static final int DEFAULT_PAGE_SIZE = 20;

  /** The test limit used when {@code test.limit} is absent. */
  public static final int DEFAULT_TEST_LIMIT = 1;

  Export(ObjectNode doc) {
    super(ResourceKind.EXPORT, doc);
  }

  /** {@code _connectionId}, or null (webhook exports). */
  public String connectionId() {
    return text("_connectionId");
  }

  /** {@code type} ({@code delta}, {@code once}, {@code test}, {@code webhook}, ...), or null for "export everything". */
  public String type() {
    return text("type");
  }

  /** {@code pageSize}, default {@value #DEFAULT_PAGE_SIZE}. */
  public int pageSize() {
    return integer("pageSize", DEFAULT_PAGE_SIZE);
  }

  /** {@code test.limit}, default {@value #DEFAULT_TEST_LIMIT}. */
  public int testLimit() {
    return integer("test.limit", DEFAULT_TEST_LIMIT);
  }

  /** {@code apiIdentifier}, or null. */
  public String apiIdentifier() {
    return text("apiIdentifier");
  }

  /** {@code _integrationId}, or null. */
  public String integrationId() {
    return text("_integrationId");
  }

  /** {@code delta.dateField}, or null. */
  public String deltaDateField() {
    return text("delta.dateField");
  }

  /** {@code once.booleanField}, or null. */
  public String onceBooleanField() {
    return text("once.booleanField");
  }

  /** {@code hooks._preSavePageId}, or null. */
  public String preSavePageHookId() {
    return text("hooks._preSavePageId");
  }

  /** {@code preserveOrder} (extension), default false. */
  public boolean preserveOrder() {
    return flag("preserveOrder", false);
  }

  /**
   * The system section present: {@code http}, {@code rest}, {@code ftp}, {@code netsuite} (first
   * found in that order), or null.
   */
  public String systemSection() {
    for (String s : new String[] {"http", "rest", "ftp", "netsuite"}) {
      if (node(s).isObject()) {
        return s;
      }
    }
    return null;
  }

  /** A read-only copy of a section ({@code rest}, {@code delta}, {@code webhook}, ...), or MissingNode. */
  public JsonNode section(String name) {
    return get(name);
  }
}
