package io.integrator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Walks a document against its schema and reports shape problems (unknown, required, types). */
final class SchemaChecker {
  private final List<Schemas.Finding> out = new ArrayList<>();

  static List<Schemas.Finding> check(ResourceKind kind, JsonNode doc) {
    SchemaChecker c = new SchemaChecker();
    if (doc == null || !doc.isObject()) {
      c.out.add(new Schemas.Finding("", "a " + kind.displayName() + " document must be a JSON object"));
    } else {
      c.object(doc, SchemaRegistry.root(kind), "");
    }
    return c.out;
  }

  static String join(String base, String name) {
    return base.isEmpty() ? name : base + "." + name;
  }

  private void add(String path, String message) {
    out.add(new Schemas.Finding(path, message));
  }

  private void object(JsonNode doc, ObjectSchema schema, String path) {
    if (schema.allSecret) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = doc.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String p = join(path, key);
      FieldSpec spec = schema.field(key);
      if (spec == null) {
        String canonical = schema.aliasToCanonical.get(key);
        if (canonical != null) {
          add(
              p,
              key
                  + " is another name for "
                  + canonical
                  + ", which is also set; keep only "
                  + canonical);
          continue;
        }
        if (schema.open || schema.providerBlocks && e.getValue().isObject()) {
          continue;
        }
        add(p, unknown(key, schema));
        continue;
      }
      value(e.getValue(), spec, p);
    }
    for (FieldSpec f : schema.fields.values()) {
      JsonNode v = doc.get(f.name);
      if (f.required && (v == null || v.isNull())) {
        add(join(path, f.name), "required field is missing");
      }
    }
  }

  static String unknown(String key, ObjectSchema schema) {
    String known = String.join(", ", schema.fields.keySet());
    String close = closest(key, schema.fields.keySet());
    if (close != null) {
      return "unknown field; did you mean " + close + "? (known fields: " + known + ")";
    }
    return "unknown field; check the spelling or remove it (known fields: " + known + ")";
  }

  static String closest(String key, Iterable<String> names) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String n : names) {
      int d =
          n.equalsIgnoreCase(key)
              ? 0
              : distance(key.toLowerCase(Locale.ROOT), n.toLowerCase(Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    int limit = Math.max(1, Math.min(3, key.length() / 3));
    return bestD <= limit ? best : null;
  }

  /** Edit distance counting a swap of two neighbouring letters as one edit ("nmae" -> "name"). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private void value(JsonNode v, FieldSpec spec, String p) {
    if (v == null || v.isNull()) {
      return;
    }
    switch (spec.type) {
      case STRING -> scalarString(v, spec, p);
      case BOOLEAN -> {
        if (!v.isBoolean()) {
          add(p, "must be true or false");
        }
      }
      case INTEGER -> {
        if (!v.isIntegralNumber()) {
          add(p, "must be a whole number");
        } else {
          range(v.asLong(), spec, p);
        }
      }
      case NUMBER -> {
        if (!v.isNumber()) {
          add(p, "must be a number");
        } else {
          range(v.asDouble(), spec, p);
        }
      }
      case OBJECT -> {
        if (!v.isObject()) {
          add(p, "must be an object");
        } else {
          object(v, spec.child, p);
        }
      }
      case OPEN_OBJECT -> {
        if (!v.isObject()) {
          add(p, "must be an object");
        }
      }
      case ANY -> {}
      case ARRAY -> array(v, spec, p, "must be an array");
      case STRING_OR_ARRAY -> {
        if (v.isTextual()) {
          scalarString(v, spec, p);
        } else {
          array(v, spec, p, "must be a string or an array");
        }
      }
      case HOOK_REF -> {
        if (v.isObject()) {
          object(v, spec.child, p);
        } else if (!v.isTextual()) {
          add(p, "must be a hook id or {\"function\": \"<hook id>\"}");
        }
      }
      case MAP_OR_ARRAY -> {
        if (v.isArray()) {
          array(v, spec, p, "");
        } else if (!v.isObject()) {
          add(p, "must be an object or an array of objects");
        } else if (spec.mapValue != null) {
          Iterator<Map.Entry<String, JsonNode>> it = v.fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            value(e.getValue(), spec.mapValue, p + "." + e.getKey());
          }
        }
      }
    }
  }

  private void array(JsonNode v, FieldSpec spec, String p, String notArray) {
    if (!v.isArray()) {
      add(p, notArray);
      return;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode el = v.get(i);
      String ep = p + "[" + i + "]";
      if (spec.child != null) {
        if (!el.isObject()) {
          add(ep, "must be an object");
        } else {
          object(el, spec.child, ep);
        }
      } else if (spec.elementType == FieldType.STRING
          || spec.type == FieldType.STRING_OR_ARRAY && el.isTextual()) {
        scalarString(el, spec, ep);
      } else if (spec.elementType == FieldType.INTEGER && !el.isIntegralNumber()) {
        add(ep, "must be a whole number");
      } else if (spec.elementType == FieldType.BOOLEAN && !el.isBoolean()) {
        add(ep, "must be true or false");
      }
    }
  }

  private void scalarString(JsonNode v, FieldSpec spec, String p) {
    if (!v.isTextual()) {
      add(p, "must be a string");
      return;
    }
    if (spec.isEnum() && !spec.enumValues.contains(v.textValue())) {
      add(p, "must be one of " + spec.enumValues.stream().collect(Collectors.joining(", ")));
    }
  }

  private void range(double d, FieldSpec spec, String p) {
    boolean low = spec.min != null && d < spec.min;
    boolean high = spec.max != null && d > spec.max;
    if (!low && !high) {
      return;
    }
    if (spec.min != null && spec.max != null) {
      add(p, "must be between " + spec.min + " and " + spec.max);
    } else if (low) {
      add(p, "must be at least " + spec.min);
    } else {
      add(p, "must be at most " + spec.max);
    }
  }
}
