package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code netsuite.customFieldMetadata} read into the SuiteTalk type of each custom field, e.g.
 * {@code _freeFormText} is a {@code StringCustomFieldRef}, {@code _decimalNumber} a {@code
 * DoubleCustomFieldRef}. Accepts the array form {@code [{field, type}]} and the map form {@code
 * {field: {type}}}.
 */
final class SuiteTalkCustomFields {
  /** The SuiteTalk custom field reference types. */
  enum Kind {
    STRING("StringCustomFieldRef"),
    DOUBLE("DoubleCustomFieldRef"),
    LONG("LongCustomFieldRef"),
    BOOLEAN("BooleanCustomFieldRef"),
    DATE("DateCustomFieldRef"),
    SELECT("SelectCustomFieldRef"),
    MULTI_SELECT("MultiSelectCustomFieldRef");

    final String xmlType;

    Kind(String xmlType) {
      this.xmlType = xmlType;
    }
  }

  private static final String[] PREFIXES = {"custbody", "custcol", "custentity", "custitem",
      "custrecord", "custevent", "custcolumn", "custitemnumber"};

  private final Map<String, Kind> kinds = new HashMap<>();

  private SuiteTalkCustomFields() {}

  /**
   * Reads the metadata.
   *
   * @param meta {@code netsuite.customFieldMetadata} (array, object or missing)
   * @throws IllegalArgumentException naming the entry whose type is unknown
   */
  static SuiteTalkCustomFields of(JsonNode meta) {
    SuiteTalkCustomFields c = new SuiteTalkCustomFields();
    if (meta != null && meta.isArray()) {
      for (int i = 0; i < meta.size(); i++) {
        c.put(meta.get(i).path("field").asText(), meta.get(i).path("type").asText(),
            "netsuite.customFieldMetadata[" + i + "].type");
      }
    } else if (meta != null && meta.isObject()) {
      meta.fields().forEachRemaining(e -> c.put(e.getKey(), e.getValue().isTextual()
          ? e.getValue().asText() : e.getValue().path("type").asText(),
          "netsuite.customFieldMetadata." + e.getKey() + ".type"));
    }
    return c;
  }

  private void put(String field, String type, String path) {
    kinds.put(field, kindOf(type, path));
  }

  /** The kind of a custom field, or null when the metadata does not name it. */
  Kind kind(String field) {
    return kinds.get(field);
  }

  /** True for field ids of custom fields ({@code custbody_...}, {@code custcol_...}, ...). */
  static boolean isCustom(String field) {
    String f = field.toLowerCase(Locale.ROOT);
    for (String p : PREFIXES) {
      if (f.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** The kind of a custom field reference's xsi:type, or null. */
  static Kind ofXmlType(String xmlType) {
    for (Kind k : Kind.values()) {
      if (k.xmlType.equals(xmlType)) {
        return k;
      }
    }
    return null;
  }

  static Kind kindOf(String type, String path) {
    String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("_")) {
      t = t.substring(1);
    }
    return switch (t) {
      case "freeformtext", "textarea", "longtext", "emailaddress", "hyperlink", "phonenumber",
          "richtext", "password", "inlinehtml", "help", "text", "string" -> Kind.STRING;
      case "decimalnumber", "currency", "percent", "decimal", "double", "number" -> Kind.DOUBLE;
      case "integernumber", "integer", "long" -> Kind.LONG;
      case "checkbox", "boolean" -> Kind.BOOLEAN;
      case "date", "datetime", "timeofday" -> Kind.DATE;
      case "listrecord", "document", "image", "select", "list", "record" -> Kind.SELECT;
      case "multipleselect", "multiselect" -> Kind.MULTI_SELECT;
      default -> throw new IllegalArgumentException(path + ": unknown custom field type '" + type
          + "'; use one of _freeFormText, _textArea, _decimalNumber, _currency, _percent,"
          + " _integerNumber, _checkBox, _date, _datetime, _listRecord, _multipleSelect");
    };
  }
}
