package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.LookupException;
import io.integrator.spi.LookupQuery;
import io.integrator.spi.LookupSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NetSuite lookups of web-services imports (REFERENCE §4.5): search {@code recordType} where {@code
 * searchField} has the extracted value and answer {@code resultField} (default {@code internalId})
 * of each match; inactive records do not match unless {@code includeInactive}. One search per page
 * and lookup for every distinct value on select fields, one per distinct value on string fields
 * (see {@link SuiteTalkFinder}).
 */
final class SuiteTalkLookupSource implements LookupSource {
  private final java.util.function.Supplier<SuiteTalkClient> client;

  SuiteTalkLookupSource(java.util.function.Supplier<SuiteTalkClient> client) {
    this.client = client;
  }

  @Override
  public List<List<JsonNode>> resolve(ObjectNode def, List<LookupQuery> queries)
      throws LookupException {
    String name = def.path("name").asText("?");
    if (def.hasNonNull("expression")) {
      throw new LookupException("invalid_lookup", "lookup " + name + ": expressions work only in"
          + " distributed (NetSuite-side) imports; use searchField", "value", null);
    }
    SuiteTalkRecordType type;
    try {
      type = SuiteTalkRecordType.of(def.path("recordType").asText(null));
    } catch (IllegalArgumentException e) {
      throw new LookupException("invalid_lookup", "lookup " + name + ": " + e.getMessage(),
          "value", null);
    }
    String field = def.path("searchField").asText("");
    if (field.isBlank()) {
      throw new LookupException("invalid_lookup", "lookup " + name + " needs searchField",
          "value", null);
    }
    String resultField = def.path("resultField").asText("internalId");
    String operator = def.hasNonNull("operator") ? def.get("operator").asText() : null;
    boolean includeInactive = def.path("includeInactive").asBoolean(false)
        || "true".equalsIgnoreCase(def.path("includeInactive").asText());
    List<String> values = new ArrayList<>();
    for (LookupQuery q : queries) {
      String v = key(q.value());
      if (v != null) {
        values.add(v);
      }
    }
    Map<String, List<ObjectNode>> found;
    try {
      SuiteTalkClient c = client.get();
      found = new SuiteTalkFinder(c).find(type, field, operator, includeInactive, values);
    } catch (SuiteTalkFault f) {
      throw new LookupException(f.code(), "lookup " + name + ": " + f.getMessage(),
          f.classification(), f);
    } catch (IllegalArgumentException e) {
      throw new LookupException("invalid_connection", "lookup " + name + ": " + e.getMessage(),
          "connection", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LookupException("interrupted", "lookup " + name + " was interrupted", "intermittent",
          e);
    }
    List<List<JsonNode>> out = new ArrayList<>();
    for (LookupQuery q : queries) {
      String v = key(q.value());
      List<JsonNode> matches = new ArrayList<>();
      if (v != null) {
        for (ObjectNode r : found.getOrDefault(v, List.of())) {
          String result = SuiteTalkFinder.valueOf(r, resultField);
          if (result != null) {
            matches.add(JsonNodeFactory.instance.textNode(result));
          }
        }
      }
      out.add(matches);
    }
    return out;
  }

  private static String key(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText().trim();
    return s.isEmpty() ? null : s;
  }
}
