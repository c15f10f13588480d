package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ImportRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request settings of one REST import ({@code rest.*} or {@code http.*}, REFERENCE §4.3),
 * parsed once per writer: the request entries ({@code relativeURI} with {@code method}, and {@code
 * requestType}/{@code body} for the extension), headers, and how to read the response. Immutable.
 *
 * <p>Entry choice: one entry serves every record. Legacy composite arrays (two or more entries
 * without {@code requestType}) send records to update to entry 0 and records to create to entry 1.
 * With {@code requestType[]} a record takes the first entry of its operation's type, or entry 0
 * when there is none of that type. The engine decides the operation ({@link ImportRecord}).
 */
final class ImportEndpoint {
  static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  /** One request shape. */
  record Entry(String method, String uri, String requestType, JsonNode body) {}

  final String where;
  final List<Entry> entries;
  final boolean legacyComposite;
  final Map<String, String> headers;
  final String responseIdPath;
  final String successPath;
  final List<String> successValues;
  final boolean sendPostMappedData;
  /** Records per request (extension, {@code http.batchSize}); 1 sends each record on its own. */
  final int batchSize;
  /** Where a batch response holds one result per record ({@code response.resourcePath}). */
  final String batchResultsPath;

  private ImportEndpoint(String where, List<Entry> entries, boolean legacyComposite,
      Map<String, String> headers, String responseIdPath, String successPath,
      List<String> successValues, boolean sendPostMappedData, int batchSize,
      String batchResultsPath) {
    this.where = where;
    this.entries = entries;
    this.legacyComposite = legacyComposite;
    this.headers = headers;
    this.responseIdPath = responseIdPath;
    this.successPath = successPath;
    this.successValues = successValues;
    this.sendPostMappedData = sendPostMappedData;
    this.batchSize = batchSize;
    this.batchResultsPath = batchResultsPath;
  }

  /**
   * Reads an import document's {@code http} or {@code rest} section.
   *
   * @throws AdaptorException ({@code value}) naming the field when the section is missing or wrong
   */
  static ImportEndpoint of(ObjectNode importDocument) throws AdaptorException {
    String id = importDocument.path("_id").asText("");
    String s = importDocument.path("http").isObject() ? "http" : "rest";
    String where = (id.isEmpty() ? "the import" : "import '" + id + "'");
    JsonNode sec = importDocument.path(s);
    if (!sec.isObject()) {
      throw invalid(where, "rest", "is missing; a REST import needs rest.relativeURI and rest.method");
    }
    List<String> uris = RestConnection.strings(sec.get("relativeURI"));
    if (uris.isEmpty()) {
      throw invalid(where, s + ".relativeURI", "is required (a string, or an array for create/update)");
    }
    List<String> methods = RestConnection.strings(sec.get("method"));
    if (methods.size() > 1 && methods.size() != uris.size()) {
      throw invalid(where, s + ".method", "has " + methods.size() + " entries but " + s
          + ".relativeURI has " + uris.size() + "; they are paired by position");
    }
    List<String> types = RestConnection.strings(sec.get("requestType"));
    if (!types.isEmpty() && types.size() != uris.size()) {
      throw invalid(where, s + ".requestType", "has " + types.size() + " entries but " + s
          + ".relativeURI has " + uris.size() + "; they are paired by position");
    }
    JsonNode bodies = sec.path("body");
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < uris.size(); i++) {
      String m = methods.isEmpty() ? "POST" : methods.get(methods.size() == 1 ? 0 : i);
      m = m.trim().toUpperCase(Locale.ROOT);
      if (!METHODS.contains(m)) {
        throw invalid(where, s + ".method", "'" + m + "' is not supported; use POST, PUT, PATCH"
            + " or DELETE");
      }
      String type = types.isEmpty() ? null : types.get(i).trim().toUpperCase(Locale.ROOT);
      if (type != null && !type.equals("CREATE") && !type.equals("UPDATE")) {
        throw invalid(where, s + ".requestType[" + i + "]", "is '" + type
            + "'; use CREATE or UPDATE");
      }
      JsonNode body = bodies.isArray() && i < bodies.size() && !bodies.get(i).isNull()
          ? bodies.get(i) : null;
      entries.add(new Entry(m, uris.get(i), type, body));
    }
    Map<String, String> headers = RestConnection.headerMap(sec.path("headers"), where + " " + s
        + ".headers");
    JsonNode send = sec.path("sendPostMappedData");
    int batchSize = sec.path("batchSize").asInt(1);
    String resultsPath = RestConnection.textOrNull(sec.path("response").path("resourcePath"));
    if (batchSize < 1) {
      throw invalid(where, s + ".batchSize", "must be 1 or more");
    }
    if (batchSize > 1 && resultsPath == null) {
      throw invalid(where, s + ".batchSize", "above 1 needs " + s + ".response.resourcePath (where"
          + " the response holds one result per record, in order)");
    }
    return new ImportEndpoint(where + " " + s, List.copyOf(entries),
        uris.size() > 1 && types.isEmpty(), headers,
        RestConnection.textOrNull(sec.path("responseIdPath")),
        RestConnection.textOrNull(sec.path("successPath")),
        RestConnection.strings(sec.path("successValues")),
        !(send.isBoolean() ? !send.booleanValue() : "false".equalsIgnoreCase(send.asText())),
        batchSize, resultsPath);
  }

  /** The entry a record takes (see the class comment). */
  Entry entryFor(ImportRecord record) {
    boolean update = record.operation() == ImportRecord.Operation.UPDATE;
    if (legacyComposite) {
      return entries.get(update ? 0 : 1);
    }
    String wanted = update ? "UPDATE" : "CREATE";
    for (Entry e : entries) {
      if (wanted.equals(e.requestType())) {
        return e;
      }
    }
    return entries.get(0);
  }

  private static AdaptorException invalid(String where, String field, String what) {
    return new AdaptorException("invalid_import", where + ": " + field + " " + what,
        Classification.VALUE);
  }
}
