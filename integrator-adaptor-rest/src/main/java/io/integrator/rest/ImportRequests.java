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
import okhttp3.Headers;
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
  /**
   * Per entry of {@code endpoint.entries}, its URL and headers when neither has a placeholder (the
   * common case, the same for every record), else null: rendered per record.
   */
  private final Prepared[] fixed;

  ImportRequests(ImportEndpoint endpoint, RestConnection connection) {
    this.endpoint = endpoint;
    this.connection = connection;
    this.fixed = new Prepared[endpoint.entries.size()];
    boolean fixedHeaders = endpoint.headers.values().stream().noneMatch(v -> v.contains("{"));
    for (int i = 0; i < fixed.length && fixedHeaders; i++) {
      ImportEndpoint.Entry entry = endpoint.entries.get(i);
      if (!entry.uri().contains("{")) {
        try {
          fixed[i] = new Prepared(entry, connection.resolve(entry.uri()), headers(null));
        } catch (AdaptorException | RuntimeException e) {
          fixed[i] = null; // reported per record, with the record's context, by prepare()
        }
      }
    }
  }

  /** A record's request without its body: the entry it takes, its URL and headers. */
  static final class Prepared {
    private final ImportEndpoint.Entry entry;
    private final HttpUrl url;
    private final Headers headers;
    /** Built on first use and kept: a fixed entry's Prepared serves every record of the import. */
    private String batchKey;

    Prepared(ImportEndpoint.Entry entry, HttpUrl url, Headers headers) {
      this.entry = entry;
      this.url = url;
      this.headers = headers;
    }

    ImportEndpoint.Entry entry() {
      return entry;
    }

    HttpUrl url() {
      return url;
    }

    Headers headers() {
      return headers;
    }

    /** Requests with equal keys may share one batch request. */
    String batchKey() {
      String k = batchKey;
      if (k == null) {
        k = entry.method() + " " + url + "\n" + headers;
        batchKey = k;
      }
      return k;
    }

    Request request(RequestBody body) {
      Request.Builder b = new Request.Builder().url(url).headers(headers);
      return "DELETE".equals(entry.method()) ? b.delete().build() : b.method(entry.method(), body)
          .build();
    }
  }

  /**
   * The request of one record.
   *
   * @throws AdaptorException ({@code value} / {@code missing}) when the record cannot be sent
   */
  Request build(ImportRecord record) throws AdaptorException {
    Prepared p = prepare(record);
    return p.request("DELETE".equals(p.entry().method()) ? null : body(p.entry(), record));
  }

  /**
   * The URL and headers of one record's request.
   *
   * @throws AdaptorException ({@code value} / {@code missing}) when the record cannot be sent
   */
  Prepared prepare(ImportRecord record) throws AdaptorException {
    ImportEndpoint.Entry entry = endpoint.entryFor(record);
    for (int i = 0; i < fixed.length; i++) {
      if (endpoint.entries.get(i) == entry && fixed[i] != null) {
        return fixed[i];
      }
    }
    ObjectNode values = values(record);
    String uriWhere = endpoint.where + ".relativeURI '" + entry.uri() + "'";
    String uri = RequestTemplate.renderUrl(entry.uri(), values, uriWhere);
    uri = RequestTemplate.renderBraces(uri, values, true)
        .orElseThrow(() -> missing(uriWhere, entry.uri(), values));
    HttpUrl url = connection.resolve(uri);
    return new Prepared(entry, url, headers(values));
  }

  /** The connection's headers and the import's, rendered against {@code values} (null: none). */
  private Headers headers(ObjectNode values) throws AdaptorException {
    Headers.Builder h = new Headers.Builder();
    for (Map.Entry<String, String> c : connection.headers().entrySet()) {
      h.set(c.getKey(), c.getValue());
    }
    for (Map.Entry<String, String> e : endpoint.headers.entrySet()) {
      if (values == null) {
        h.set(e.getKey(), e.getValue());
        continue;
      }
      String where = endpoint.where + ".headers." + e.getKey();
      String v = RequestTemplate.renderText(e.getValue(), values, where);
      String value = RequestTemplate.renderBraces(v, values, false)
          .orElseThrow(() -> missing(where, e.getValue(), values));
      h.set(e.getKey(), value);
    }
    return h.build();
  }


  private RequestBody body(ImportEndpoint.Entry entry, ImportRecord record)
      throws AdaptorException {
    BodyType type = connection.bodyType();
    if (entry.body() != null && entry.body().isTextual()) {
      return Bodies.encodeText(RequestTemplate.renderText(entry.body().textValue(),
          record.record(), endpoint.where + ".body"), type);
    }
    return Bodies.encode(bodyNode(entry, record), type);
  }

  /**
   * The body of one record as JSON: the entry's {@code body} template rendered against the mapped
   * record (a string template that renders JSON is parsed), else the mapped record (or, with
   * {@code sendPostMappedData: false}, the record before mapping).
   */
  JsonNode bodyNode(ImportEndpoint.Entry entry, ImportRecord record) throws AdaptorException {
    if (entry.body() != null) {
      String where = endpoint.where + ".body";
      if (entry.body().isTextual()) {
        String text = RequestTemplate.renderText(entry.body().textValue(), record.record(), where);
        try {
          return Bodies.MAPPER.readTree(text);
        } catch (java.io.IOException notJson) {
          return JsonNodeFactory.instance.textNode(text);
        }
      }
      return RequestTemplate.renderTree(entry.body(), record.record(), where);
    }
    return endpoint.sendPostMappedData ? record.record() : record.source();
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
