package io.integrator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A resource document: an immutable, normalized JSON object of one {@link ResourceKind}.
 *
 * <p>Instances come from {@link Resources#of} or {@link Resources#parse}, which normalize lenient
 * input (REFERENCE §0). The JSON is copied on the way in and on the way out ({@link #json()}), so
 * no caller can change a resource. Two resources are equal when their kind and JSON content are
 * equal (field order does not matter). {@link #toString()} shows the JSON with every secret masked
 * as {@value Secrets#MASK}, so resources are safe to log.
 *
 * <p>Typed getters return {@code null} for absent optional strings, documented defaults for
 * absent numbers and booleans, and read-only copies for JSON sections.
 */
public abstract class Resource {
  private final ResourceKind kind;
  private final ObjectNode doc;

  Resource(ResourceKind kind, ObjectNode normalized) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.doc = normalized;
  }

  /** The kind of this resource. */
  public final ResourceKind kind() {
    return kind;
  }

  /** {@code _id}, or null before the resource is created (or when a project gives none). */
  public final String id() {
    return text("_id");
  }

  /** {@code name}, or null. */
  public final String name() {
    return text("name");
  }

  /** {@code lastModified} (read-only ISO-8601 instant), or null. */
  public final String lastModified() {
    return text("lastModified");
  }

  /** A deep copy of the normalized document; changing it does not change this resource. */
  public final ObjectNode json() {
    return doc.deepCopy();
  }

  /** A copy of this resource with {@code _id} set (placed first when it was absent). */
  public final Resource withId(String id) {
    ObjectNode copy = doc.objectNode();
    copy.put("_id", id);
    doc.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("_id")) {
        copy.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    return Resources.wrap(kind, copy);
  }

  /** The value at a dotted path ({@code rest.relativeURI}) as a read-only copy, or MissingNode. */
  public final JsonNode get(String dottedPath) {
    JsonNode n = node(dottedPath);
    return n.isMissingNode() ? n : n.deepCopy();
  }

  // ---- helpers for subclasses (no copies; callers must not leak the nodes) ----

  final JsonNode node(String dottedPath) {
    JsonNode n = doc;
    for (String part : dottedPath.split("\\.")) {
      n = n == null ? null : n.get(part);
      if (n == null) {
        return MissingNode.getInstance();
      }
    }
    return n;
  }

  final String text(String dottedPath) {
    JsonNode n = node(dottedPath);
    return n.isValueNode() && !n.isNull() ? n.asText() : null;
  }

  final boolean flag(String dottedPath, boolean dflt) {
    JsonNode n = node(dottedPath);
    return n.isBoolean() ? n.booleanValue() : dflt;
  }

  final int integer(String dottedPath, int dflt) {
    JsonNode n = node(dottedPath);
    return n.isIntegralNumber() ? n.intValue() : dflt;
  }

  final List<String> texts(String dottedPath) {
    List<String> out = new ArrayList<>();
    JsonNode n = node(dottedPath);
    if (n.isArray()) {
      n.forEach(e -> out.add(e.asText()));
    } else if (n.isTextual()) {
      out.add(n.textValue());
    }
    return List.copyOf(out);
  }

  final List<ObjectNode> objects(String dottedPath) {
    List<ObjectNode> out = new ArrayList<>();
    JsonNode n = node(dottedPath);
    if (n.isArray()) {
      n.forEach(e -> {
        if (e.isObject()) {
          out.add(((ObjectNode) e).deepCopy());
        }
      });
    }
    return List.copyOf(out);
  }

  /** Equal when the other is a resource of the same kind with equal JSON content. */
  @Override
  public final boolean equals(Object o) {
    return o instanceof Resource r && r.kind == kind && r.doc.equals(doc);
  }

  /** Consistent with {@link #equals(Object)}. */
  @Override
  public final int hashCode() {
    return kind.hashCode() * 31 + doc.hashCode();
  }

  /**
   * {@code Export {...}}: the kind and the JSON, with every secret masked, and also unknown fields
   * whose name looks secret (a misspelled {@code passwrd} is masked too).
   */
  @Override
  public final String toString() {
    return kind.displayName() + " " + Secrets.maskForDisplay(kind, doc).toString();
  }
}
