package io.integrator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Connection (REFERENCE §2): how to reach a system, and its secrets. {@code type} is one of
 * {@code rest}, {@code http}, {@code ftp}, {@code sftp} (legacy, runs as ftp with {@code
 * ftp.type: sftp}) and {@code netsuite}; {@code wrapper} is not supported (validation error).
 */
public final class Connection extends Resource {
  Connection(ObjectNode doc) {
    super(ResourceKind.CONNECTION, doc);
  }

  /** {@code type} as written (lower-cased on load), or null. */
  public String type() {
    return text("type");
  }

  /**
   * The adaptor type used to find the adaptor: {@code sftp} maps to {@code ftp}, {@code http} and
   * {@code rest} stay as they are.
   */
  public String adaptorType() {
    String t = type();
    return "sftp".equals(t) ? "ftp" : t;
  }

  /**
   * The ftp flavour: {@code ftp.type} when set, {@code sftp} for a legacy {@code sftp} connection,
   * else {@code ftp}. Null for non-file connections.
   */
  public String ftpType() {
    String t = type();
    if (!"ftp".equals(t) && !"sftp".equals(t)) {
      return null;
    }
    String inner = text("ftp.type");
    return inner != null ? inner : t;
  }

  /** A read-only copy of a section ({@code rest}, {@code http}, {@code ftp}, {@code netsuite}), or MissingNode. */
  public JsonNode section(String name) {
    return get(name);
  }

  /** {@code offline} (engine-set), default false. */
  public boolean isOffline() {
    return flag("offline", false);
  }

  /** {@code rest.baseURI} or {@code http.baseURI}, or null. */
  public String baseUri() {
    String b = text("http.baseURI");
    return b != null ? b : text("rest.baseURI");
  }

  /**
   * The per-connection concurrency cap ({@code http.}/{@code rest.}/{@code ftp.}/{@code
   * netsuite.concurrencyLevel}), or 0 when unset ("burst": only the engine-wide pool limits).
   */
  public int concurrencyLevel() {
    for (String s : new String[] {"http", "rest", "ftp", "netsuite"}) {
      int c = integer(s + ".concurrencyLevel", 0);
      if (c > 0) {
        return c;
      }
    }
    return 0;
  }

  /** {@code _borrowConcurrencyFromConnectionId}, or null. */
  public String borrowConcurrencyFromConnectionId() {
    String own = text("_borrowConcurrencyFromConnectionId");
    return own != null ? own : text("http._borrowConcurrencyFromConnectionId");
  }

  /** The IClient id from {@code rest._iClientId}, {@code http._iClientId} or {@code netsuite._iClientId}, or null. */
  public String iClientId() {
    for (String s : new String[] {"http", "rest", "netsuite"}) {
      String id = text(s + "._iClientId");
      if (id != null) {
        return id;
      }
    }
    return null;
  }
}
