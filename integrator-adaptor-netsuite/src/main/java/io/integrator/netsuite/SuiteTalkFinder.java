package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the records of a type whose search field has one of a set of values, for lookups and
 * {@code internalIdLookup}: the answer is the matching records per value.
 *
 * <p>Select-type search fields ({@code internalId}, {@code externalId}, {@code entity}, ...; or a
 * lookup {@code operator} of {@code anyOf}) take several values in one {@code SearchMultiSelectField},
 * so all of a page's values go out in <b>one</b> search (chunks of 1000), paged with {@code
 * searchMoreWithId}, and results are matched back to values. NetSuite's {@code SearchStringField}
 * takes one value, so string fields ({@code email}, {@code tranId}, {@code itemId}) are searched once
 * per distinct value (operator {@code is} unless the lookup says otherwise); the engine's per-job
 * cache keeps a value from being asked twice.
 */
final class SuiteTalkFinder {
  private static final int CHUNK = 1000;
  private static final SuiteTalkPreferences PREFS = new SuiteTalkPreferences(1000, true, false);

  private final SuiteTalkClient client;

  SuiteTalkFinder(SuiteTalkClient client) {
    this.client = client;
  }

  /**
   * @param type the record type
   * @param field the search field
   * @param operator the operator, or null for the default ({@code anyOf} / {@code is})
   * @param includeInactive false adds {@code isInactive = false} for types that can be inactive
   * @param values the distinct values
   * @return matching records per value (every value is a key; no match is an empty list)
   */
  Map<String, List<ObjectNode>> find(SuiteTalkRecordType type, String field, String operator,
      boolean includeInactive, List<String> values) throws SuiteTalkFault, InterruptedException {
    Map<String, List<ObjectNode>> out = new LinkedHashMap<>();
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(values));
    distinct.forEach(v -> out.put(v, new ArrayList<>()));
    if (distinct.isEmpty()) {
      return out;
    }
    SuiteTalkSearch.Kind kind = SuiteTalkSearch.kindOf(field, operator);
    List<SuiteTalkSearch.Criterion> base = new ArrayList<>();
    if (!includeInactive && type.canBeInactive()) {
      base.add(new SuiteTalkSearch.Criterion("isInactive", SuiteTalkSearch.Kind.BOOLEAN, null,
          List.of("false"), null));
    }
    if (type.isTransaction()) {
      base.add(new SuiteTalkSearch.Criterion("type", SuiteTalkSearch.Kind.ENUM, "anyOf",
          List.of(type.transactionType()), null));
    }
    if (kind == SuiteTalkSearch.Kind.MULTI_SELECT) {
      String op = operator == null || !operator.equals("noneOf") ? "anyOf" : operator;
      for (int i = 0; i < distinct.size(); i += CHUNK) {
        List<String> chunk = distinct.subList(i, Math.min(distinct.size(), i + CHUNK));
        List<SuiteTalkSearch.Criterion> criteria = new ArrayList<>(base);
        criteria.add(new SuiteTalkSearch.Criterion(field, kind, op, chunk, null));
        for (ObjectNode r : all(type, criteria)) {
          String key = valueOf(r, field);
          if (key != null && out.containsKey(key)) {
            out.get(key).add(r);
          }
        }
      }
    } else {
      String op = operator == null ? (kind == SuiteTalkSearch.Kind.BOOLEAN ? null : "is")
          : operator;
      for (String v : distinct) {
        List<SuiteTalkSearch.Criterion> criteria = new ArrayList<>(base);
        criteria.add(new SuiteTalkSearch.Criterion(field, kind, op, List.of(v), null));
        out.get(v).addAll(all(type, criteria));
      }
    }
    return out;
  }

  private List<ObjectNode> all(SuiteTalkRecordType type, List<SuiteTalkSearch.Criterion> criteria)
      throws SuiteTalkFault, InterruptedException {
    SuiteTalkSearch.Result r = SuiteTalkSearch.search(client, type, null, criteria, PREFS);
    List<ObjectNode> records = new ArrayList<>(r.records());
    for (int page = 2; page <= r.totalPages(); page++) {
      records.addAll(SuiteTalkSearch.more(client, r.searchId(), page, PREFS).records());
    }
    return records;
  }

  /**
   * The value of a field of a found record, as text: {@code internalId} and {@code externalId}
   * from the record, a RecordRef's internal id, else the field's text; null when absent.
   */
  static String valueOf(ObjectNode record, String field) {
    JsonNode v = record.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isObject()) {
      JsonNode id = v.get("internalId");
      return id == null ? null : id.asText();
    }
    return v.asText();
  }

  /** Case-insensitive text key for matching string search values. */
  static String norm(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
