package io.integrator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Read access to the declarative field schema of every {@link ResourceKind}: shape checks,
 * references between resources and hook ids. The schema itself (one small Java DSL file per
 * kind) is internal; see {@code docs/resources.md} for the field lists.
 */
public final class Schemas {
  private Schemas() {}

  /**
   * One shape problem in a document.
   *
   * @param path dotted path of the field ({@code mapping.fields[3].lookupName}), empty for the root
   * @param message what is wrong, e.g. {@code must be one of GET, POST}
   */
  public record Finding(String path, String message) {}

  /**
   * A field that names another resource by id.
   *
   * @param path dotted path of the field ({@code pageGenerators[0]._exportId})
   * @param target the kind of resource the id must name
   * @param id the id as written
   */
  public record Reference(String path, ResourceKind target, String id) {}

  /**
   * Checks a (normalized) document against the schema of its kind: unknown fields (with a
   * did-you-mean), required fields, JSON types, enum values and numeric ranges. Cross-field rules
   * live in {@code io.integrator.validation}.
   */
  public static List<Finding> check(ResourceKind kind, JsonNode document) {
    return SchemaChecker.check(kind, document);
  }

  /** Every non-empty reference to another resource in the document, in document order. */
  public static List<Reference> references(ResourceKind kind, JsonNode document) {
    List<Reference> out = new ArrayList<>();
    walk(
        document,
        SchemaRegistry.root(kind),
        "",
        (p, spec, v) -> {
          if (spec.ref == null) {
            return;
          }
          if (v.isTextual() && !v.textValue().isEmpty()) {
            out.add(new Reference(p, spec.ref, v.textValue()));
          } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
              if (v.get(i).isTextual()) {
                out.add(new Reference(p + "[" + i + "]", spec.ref, v.get(i).textValue()));
              }
            }
          }
        });
    return out;
  }

  /** Every hook id ({@code hooks._preSavePageId}, ...) in the document: dotted path to id. */
  public static Map<String, String> hookIds(ResourceKind kind, JsonNode document) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    walk(
        document,
        SchemaRegistry.root(kind),
        "",
        (p, spec, v) -> {
          JsonNode id = v.isObject() ? v.path("function") : v;
          if (spec.hook && id.isTextual() && !id.textValue().isEmpty()) {
            out.put(p, id.textValue());
          }
        });
    return out;
  }

  /**
   * The dotted paths of the read-only (server-assigned) fields present in the document, e.g.
   * {@code _id}, {@code apiIdentifier}, {@code lastModified}, {@code offline}, {@code
   * pageGenerators[0]._id}. A store may drop or overwrite these on create and update.
   */
  public static List<String> readOnlyPaths(ResourceKind kind, JsonNode document) {
    List<String> out = new ArrayList<>();
    walk(
        document,
        SchemaRegistry.root(kind),
        "",
        (p, spec, v) -> {
          if (spec.readOnly) {
            out.add(p);
          }
        });
    return out;
  }

  /** The canonical top-level field names of a kind, in documented order. */
  public static List<String> fieldNames(ResourceKind kind) {
    return List.copyOf(SchemaRegistry.root(kind).fields.keySet());
  }

  interface Visitor {
    void visit(String path, FieldSpec spec, JsonNode value);
  }

  /** Visits every known, non-null field (depth first) with its spec. */
  static void walk(JsonNode doc, ObjectSchema schema, String path, Visitor visitor) {
    if (doc == null || !doc.isObject() || schema == null) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = doc.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      FieldSpec spec = spec(schema, e.getKey());
      JsonNode v = e.getValue();
      if (spec == null || v == null || v.isNull()) {
        continue;
      }
      String p = SchemaChecker.join(path, e.getKey());
      visitor.visit(p, spec, v);
      if (spec.child != null) {
        if (v.isObject() && spec.type == FieldType.OBJECT) {
          walk(v, spec.child, p, visitor);
        } else if (v.isArray()) {
          for (int i = 0; i < v.size(); i++) {
            walk(v.get(i), spec.child, p + "[" + i + "]", visitor);
          }
        }
      }
    }
  }

  static FieldSpec spec(ObjectSchema schema, String key) {
    FieldSpec spec = schema.field(key);
    if (spec == null && schema.aliasToCanonical.containsKey(key)) {
      spec = schema.field(schema.aliasToCanonical.get(key));
    }
    return spec;
  }

  static void forEach(JsonNode array, Consumer<JsonNode> c) {
    if (array != null && array.isArray()) {
      array.forEach(c);
    }
  }
}
