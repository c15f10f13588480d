package io.integrator.testkit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * The field criteria of a basic search, read from the request and matched against stored records.
 * The kind of each criterion follows from its content, as NetSuite's schema types it:
 * {@code SearchStringField} (operator is, isNot, contains, doesNotContain, startsWith,
 * doesNotStartWith, empty, notEmpty), {@code SearchMultiSelectField} (anyOf/noneOf over RecordRefs),
 * {@code SearchEnumMultiSelectField} (anyOf/noneOf over text values, e.g. the transaction
 * {@code type}), {@code SearchBooleanField} (no operator), {@code SearchDateField} (on, after,
 * onOrAfter, before, onOrBefore, within) and numeric fields (equalTo, greaterThan, lessThan...).
 */
final class SuiteTalkCriteria {
  private record Criterion(String field, String operator, List<Element> values, String value2) {}

  private static final String CUSTOM = "custom:";
  private final List<Criterion> criteria = new ArrayList<>();

  /** Reads the criteria of a {@code *SearchBasic} element (each child is one field). */
  static SuiteTalkCriteria of(Element basic) {
    SuiteTalkCriteria c = new SuiteTalkCriteria();
    c.add(basic);
    return c;
  }

  /** Adds the criteria of another basic element (a saved search's stored criteria). */
  void add(Element basic) {
    if (basic == null) {
      return;
    }
    for (Element f : SuiteTalkDom.children(basic)) {
      if (SuiteTalkDom.local(f).equals("customFieldList")) {
        for (Element cf : SuiteTalkDom.children(f)) {
          criteria.add(new Criterion(CUSTOM + SuiteTalkDom.attr(cf, "scriptId"),
              SuiteTalkDom.attr(cf, "operator"), SuiteTalkDom.children(cf, "searchValue"),
              SuiteTalkDom.text(cf, "searchValue2")));
        }
        continue;
      }
      criteria.add(new Criterion(SuiteTalkDom.local(f), SuiteTalkDom.attr(f, "operator"),
          SuiteTalkDom.children(f, "searchValue"), SuiteTalkDom.text(f, "searchValue2")));
    }
  }

  /** True when the record of this type passes every criterion. */
  boolean matches(String type, Element record) {
    for (Criterion c : criteria) {
      if (!matches(c, type, record)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(Criterion c, String type, Element record) {
    String op = c.operator == null ? "" : c.operator;
    boolean refs = c.values.stream().anyMatch(v -> v.hasAttribute("internalId")
        || v.hasAttribute("externalId"));
    if (refs) {
      boolean any = false;
      for (Element v : c.values) {
        any |= refMatches(c.field, v, record);
      }
      return op.equals("noneOf") != any;
    }
    String value = c.values.isEmpty() ? null : c.values.get(0).getTextContent().trim();
    String actual = actual(c.field, type, record);
    switch (op) {
      case "" -> {
        boolean want = Boolean.parseBoolean(value);
        return want == Boolean.parseBoolean(actual == null ? "false" : actual);
      }
      case "anyOf", "noneOf" -> {
        boolean any = false;
        for (Element v : c.values) {
          any |= v.getTextContent().trim().equalsIgnoreCase(actual == null ? "" : actual);
        }
        return op.equals("noneOf") != any;
      }
      case "empty" -> {
        return actual == null || actual.isEmpty();
      }
      case "notEmpty" -> {
        return actual != null && !actual.isEmpty();
      }
      default -> { }
    }
    if (isDateOp(op)) {
      return dateMatches(op, actual, value, c.value2);
    }
    if (isNumberOp(op)) {
      return numberMatches(op, actual, value, c.value2);
    }
    String a = actual == null ? "" : actual.toLowerCase(Locale.ROOT);
    String v = value == null ? "" : value.toLowerCase(Locale.ROOT);
    return switch (op) {
      case "is" -> a.equals(v);
      case "isNot" -> !a.equals(v);
      case "contains" -> a.contains(v);
      case "doesNotContain" -> !a.contains(v);
      case "startsWith" -> a.startsWith(v);
      case "doesNotStartWith" -> !a.startsWith(v);
      case "hasKeywords" -> a.contains(v);
      default -> throw new IllegalArgumentException("unsupported search operator " + op + " on "
          + c.field);
    };
  }

  private static boolean refMatches(String field, Element v, Element record) {
    String id = SuiteTalkDom.attr(v, "internalId");
    String ext = SuiteTalkDom.attr(v, "externalId");
    if (field.equals("internalId") || field.equals("externalId")) {
      return id != null ? id.equals(SuiteTalkDom.attr(record, "internalId"))
          : ext.equals(SuiteTalkDom.attr(record, "externalId"));
    }
    Element f = field.startsWith(CUSTOM) ? customValue(record, field) : SuiteTalkDom.child(record, field);
    if (f == null) {
      return false;
    }
    return id != null ? id.equals(SuiteTalkDom.attr(f, "internalId"))
        : ext.equals(SuiteTalkDom.attr(f, "externalId"));
  }

  /** The record's value of a search field, as text. */
  private static String actual(String field, String type, Element record) {
    switch (field) {
      case "internalId", "internalIdNumber" -> {
        return SuiteTalkDom.attr(record, "internalId");
      }
      case "externalId", "externalIdString" -> {
        return SuiteTalkDom.attr(record, "externalId");
      }
      case "type" -> {
        return "_" + type;
      }
      default -> { }
    }
    Element f = field.startsWith(CUSTOM) ? customValue(record, field) : SuiteTalkDom.child(record, field);
    if (f == null) {
      return null;
    }
    String name = SuiteTalkDom.text(f, "name");
    if (name != null) {
      return name;
    }
    String id = SuiteTalkDom.attr(f, "internalId");
    return id != null && SuiteTalkDom.children(f).isEmpty() ? id : f.getTextContent().trim();
  }

  /** The value element of a custom field ({@code custom:<scriptId>}), or null. */
  private static Element customValue(Element record, String field) {
    String script = field.substring(CUSTOM.length());
    for (Element cf : SuiteTalkDom.children(SuiteTalkDom.child(record, "customFieldList"))) {
      if (script.equals(SuiteTalkDom.attr(cf, "scriptId"))) {
        return SuiteTalkDom.child(cf, "value");
      }
    }
    return null;
  }

  private static boolean isDateOp(String op) {
    return List.of("on", "after", "onOrAfter", "before", "onOrBefore", "within", "notOn",
        "notWithin", "notAfter", "notBefore").contains(op);
  }

  private static boolean isNumberOp(String op) {
    return List.of("equalTo", "notEqualTo", "greaterThan", "greaterThanOrEqualTo", "lessThan",
        "lessThanOrEqualTo", "between", "notBetween").contains(op);
  }

  private static boolean dateMatches(String op, String actual, String v1, String v2) {
    if (actual == null) {
      return false;
    }
    try {
      OffsetDateTime a = OffsetDateTime.parse(actual);
      OffsetDateTime x = OffsetDateTime.parse(v1);
      return switch (op) {
        case "on" -> a.isEqual(x);
        case "notOn" -> !a.isEqual(x);
        case "after" -> a.isAfter(x);
        case "notAfter", "onOrBefore" -> !a.isAfter(x);
        case "onOrAfter", "notBefore" -> !a.isBefore(x);
        case "before" -> a.isBefore(x);
        case "within" -> !a.isBefore(x) && !a.isAfter(OffsetDateTime.parse(v2));
        case "notWithin" -> a.isBefore(x) || a.isAfter(OffsetDateTime.parse(v2));
        default -> false;
      };
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("bad date in a search criterion: " + e.getMessage());
    }
  }

  private static boolean numberMatches(String op, String actual, String v1, String v2) {
    if (actual == null) {
      return false;
    }
    double a = Double.parseDouble(actual);
    double x = Double.parseDouble(v1);
    return switch (op) {
      case "equalTo" -> a == x;
      case "notEqualTo" -> a != x;
      case "greaterThan" -> a > x;
      case "greaterThanOrEqualTo" -> a >= x;
      case "lessThan" -> a < x;
      case "lessThanOrEqualTo" -> a <= x;
      case "between" -> a >= x && a <= Double.parseDouble(v2);
      case "notBetween" -> a < x || a > Double.parseDouble(v2);
      default -> false;
    };
  }
}
