package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ImportRecord;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Builds the HTTP request of one import record (REFERENCE §4.3).
 *
 * <p>Placeholders in {@code relativeURI} and header values: {@code {field}} (or {@code {a.b}})
 * takes the value from the record <em>before mapping</em>; {@code {lookupName}} the value the
 * engine's lookup of that name found for the record, which wins when a record field has the same
 * name; {@code {_resourceId}} the record's existing destination id. Handlebars ({@code {{field}}})
 * sees the same values. URI values are URL-encoded. A placeholder without a value fails the record
 * (code {@code missing_placeholder}) instead of sending a wrong URL.
 *
 * <p>Body: the mapped record ({@code sendPostMappedData: false}: the record before mapping),
 * encoded by the connection's {@code mediaType}; with {@code body[]} (extension) the entry's
 * template rendered with handlebars against the mapped record. DELETE sends no body.
 */
final class ImportRequests {
  /** The placeholder name of the existing destination id. */
  static final String RESOURCE_ID = "_resourceId";

  private static final Pattern SINGLE = Pattern.compile("(?<!\\{)\\{([^{}]+)}(?!})");

  private final ImportEndpoint endpoint;
  private final RestConnection connection;

  ImportRequests(ImportEndpoint endpoint, RestConnection connection) {
    this.endpoint = endpoint;
    this.connection = connection;
  }

  /**
   * The request of one record.
   *
   * @throws AdaptorException ({@code value} / {@code missing}) when the record cannot be sent
   */
  Request build(ImportRecord record) throws AdaptorException {
    ImportEndpoint.Entry entry = endpoint.entryFor(record);
    ObjectNode values = values(record);
    String uriWhere = endpoint.where + ".relativeURI '" + entry.uri() + "'";
    String uri = RequestTemplate.renderUrl(entry.uri(), values, uriWhere);
    uri = RequestTemplate.renderBraces(uri, values, true)
        .orElseThrow(() -> missing(uriWhere, entry.uri(), values));
    HttpUrl url = connection.resolve(uri);
    Request.Builder b = new Request.Builder().url(url);
    for (Map.Entry<String, String> h : connection.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    for (Map.Entry<String, String> h : endpoint.headers.entrySet()) {
      String where = endpoint.where + ".headers." + h.getKey();
      String v = RequestTemplate.renderText(h.getValue(), values, where);
      String value = RequestTemplate.renderBraces(v, values, false)
          .orElseThrow(() -> missing(where, h.getValue(), values));
      b.header(h.getKey(), value);
    }
    if ("DELETE".equals(entry.method())) {
      return b.delete().build();
    }
    return b.method(entry.method(), body(entry, record)).build();
  }

  private RequestBody body(ImportEndpoint.Entry entry, ImportRecord record)
      throws AdaptorException {
    BodyType type = connection.bodyType();
    if (entry.body() != null) {
      String where = endpoint.where + ".body";
      if (entry.body().isTextual()) {
        return Bodies.encodeText(
            RequestTemplate.renderText(entry.body().textValue(), record.record(), where), type);
      }
      return Bodies.encode(RequestTemplate.renderTree(entry.body(), record.record(), where), type);
    }
    return Bodies.encode(endpoint.sendPostMappedData ? record.record() : record.source(), type);
  }

  /**
   * The placeholder values of a record: its fields before mapping, then its lookup values
   * (winning on a clash), then {@code _resourceId}. A shallow copy; nothing is modified.
   */
  static ObjectNode values(ImportRecord record) {
    ObjectNode v = JsonNodeFactory.instance.objectNode();
    v.setAll(record.source());
    for (Map.Entry<String, JsonNode> l : record.lookups().entrySet()) {
      v.set(l.getKey(), l.getValue());
    }
    if (record.existingId() != null) {
      v.put(RESOURCE_ID, record.existingId());
    }
    return v;
  }

  private static AdaptorException missing(String where, String template, JsonNode values) {
    Matcher m = SINGLE.matcher(template);
    String name = "a placeholder";
    while (m.find()) {
      JsonNode v = JsonPaths.at(values, m.group(1).trim());
      if (v.isMissingNode() || v.isNull() || v.isContainerNode() || v.asText().isEmpty()) {
        name = "{" + m.group(1).trim() + "}";
        break;
      }
    }
    String hint = RESOURCE_ID.equals(name.replaceAll("[{}]", ""))
        ? " (the record has no existing id: set resourceId.extract or resourceId.lookupName)"
        : " (neither the record before mapping nor a lookup of that name has a value)";
    return new AdaptorException("missing_placeholder", where + ": " + name + " has no value"
        + hint, Classification.MISSING);
  }
}
