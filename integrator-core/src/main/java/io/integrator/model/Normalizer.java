package io.integrator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lenient-input normalization (REFERENCE §0): string booleans, numeric strings, scalar strings,
 * enum case, aliases to canonical names, and the IClient flat oauth2 aliases. A value that cannot
 * be normalized is left as it is, for validation to report.
 */
final class Normalizer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Pattern INT = Pattern.compile("-?\\d{1,18}");
  private static final Pattern DEC = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  private static final List<String> ICLIENT_FLAT =
      List.of("clientId", "clientSecret", "scope", "scopeDelimiter", "redirectUri");

  private Normalizer() {}

  static ObjectNode normalize(ResourceKind kind, ObjectNode in) {
    ObjectNode doc = in.deepCopy();
    if (kind == ResourceKind.ICLIENT) {
      moveFlatOauth2(doc);
    }
    return object(doc, SchemaRegistry.root(kind));
  }

  /** Moves IClient flat clientId/clientSecret/scope/... into oauth2 unless oauth2 already has them. */
  private static void moveFlatOauth2(ObjectNode doc) {
    boolean any = ICLIENT_FLAT.stream().anyMatch(doc::has);
    if (!any) {
      return;
    }
    JsonNode existing = doc.get("oauth2");
    if (existing != null && !existing.isObject()) {
      return;
    }
    ObjectNode oauth2 = existing == null ? F.objectNode() : (ObjectNode) existing;
    ObjectNode rebuilt = F.objectNode();
    boolean placed = false;
    Iterator<Map.Entry<String, JsonNode>> it = doc.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (ICLIENT_FLAT.contains(k) && !oauth2.has(k)) {
        oauth2.set(k, e.getValue());
        if (!placed) {
          rebuilt.set("oauth2", oauth2);
          placed = true;
        }
      } else if (k.equals("oauth2")) {
        if (!placed) {
          rebuilt.set("oauth2", oauth2);
          placed = true;
        }
      } else {
        rebuilt.set(k, e.getValue());
      }
    }
    doc.removeAll();
    doc.setAll(rebuilt);
  }

  static ObjectNode object(ObjectNode in, ObjectSchema schema) {
    ObjectNode out = F.objectNode();
    Iterator<Map.Entry<String, JsonNode>> it = in.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String canonical = schema.aliasToCanonical.get(key);
      if (canonical != null && !in.has(canonical) && !out.has(canonical)) {
        key = canonical;
      }
      FieldSpec spec = schema.field(key);
      JsonNode v = e.getValue();
      out.set(key, spec == null ? v : value(v, spec));
    }
    return out;
  }

  static JsonNode value(JsonNode v, FieldSpec spec) {
    if (v == null || v.isNull()) {
      return v;
    }
    return switch (spec.type) {
      case STRING -> string(v, spec);
      case BOOLEAN -> bool(v);
      case INTEGER -> integer(v);
      case NUMBER -> number(v);
      case OBJECT -> v.isObject() ? object((ObjectNode) v, spec.child) : v;
      case ARRAY -> array(v, spec);
      case STRING_OR_ARRAY -> v.isTextual() ? string(v, spec) : array(v, spec);
      case MAP_OR_ARRAY -> v.isArray() ? array(v, spec) : mapValues(v, spec);
      case HOOK_REF -> v.isObject() ? object((ObjectNode) v, spec.child) : string(v, spec);
      case OPEN_OBJECT, ANY -> v;
    };
  }

  private static JsonNode mapValues(JsonNode v, FieldSpec spec) {
    if (!v.isObject() || spec.mapValue == null) {
      return v;
    }
    ObjectNode out = F.objectNode();
    v.fields().forEachRemaining(e -> out.set(e.getKey(), value(e.getValue(), spec.mapValue)));
    return out;
  }

  private static JsonNode array(JsonNode v, FieldSpec spec) {
    if (!v.isArray()) {
      return v;
    }
    ArrayNode out = F.arrayNode();
    for (JsonNode el : v) {
      if (spec.child != null && el.isObject()) {
        out.add(object((ObjectNode) el, spec.child));
      } else if (spec.elementType == FieldType.STRING
          || spec.type == FieldType.STRING_OR_ARRAY && el.isTextual()) {
        out.add(string(el, spec));
      } else if (spec.elementType == FieldType.BOOLEAN) {
        out.add(bool(el));
      } else if (spec.elementType == FieldType.INTEGER) {
        out.add(integer(el));
      } else if (spec.elementType == FieldType.NUMBER) {
        out.add(number(el));
      } else {
        out.add(el);
      }
    }
    return out;
  }

  private static JsonNode string(JsonNode v, FieldSpec spec) {
    if (v.isNumber() || v.isBoolean()) {
      v = F.textNode(v.asText());
    }
    if (v.isTextual() && (spec.isEnum() || spec.caseRule != FieldSpec.CaseRule.EXACT)) {
      String c = spec.canonicalValue(v.textValue());
      if (!spec.isEnum() || spec.enumValues.contains(c)) {
        return F.textNode(c);
      }
    }
    return v;
  }

  private static JsonNode bool(JsonNode v) {
    if (v.isTextual()) {
      String t = v.textValue().trim().toLowerCase(Locale.ROOT);
      if (t.equals("true")) {
        return F.booleanNode(true);
      }
      if (t.equals("false")) {
        return F.booleanNode(false);
      }
    }
    return v;
  }

  private static JsonNode integer(JsonNode v) {
    if (v.isFloatingPointNumber() && v.canConvertToExactIntegral() && v.canConvertToLong()) {
      long l = v.longValue();
      return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
    }
    if (v.isTextual() && INT.matcher(v.textValue().trim()).matches()) {
      long l = Long.parseLong(v.textValue().trim());
      return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
    }
    return v;
  }

  private static JsonNode number(JsonNode v) {
    if (v.isTextual() && DEC.matcher(v.textValue().trim()).matches()) {
      String t = v.textValue().trim();
      if (INT.matcher(t).matches()) {
        return integer(v);
      }
      return F.numberNode(new BigDecimal(t).doubleValue());
    }
    return v;
  }
}
