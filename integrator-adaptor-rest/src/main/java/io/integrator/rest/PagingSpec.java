package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import java.util.List;
import java.util.Locale;

/**
 * An export's paging, with the legacy {@code pagingMethod} mapped onto the extension methods:
 * {@code nextpageurl} is {@code url} at {@code nextPagePath}; {@code pageargument} is {@code page}
 * starting at 1 with the page number sent as query argument {@code pageArgument} on every request;
 * {@code relativeuri} is {@code relativeuri} with {@code nextPageRelativeURI} whose single-brace
 * {@code {field}} placeholders take the previous page's last record; {@code linkheader} is {@code
 * linkheader} with relation {@code next}. {@code paging.*} wins when both are given; naming two
 * different methods is an error.
 */
record PagingSpec(
    Method method,
    int start,
    String pageArgument,
    String path,
    boolean pathInHeader,
    String pathAfterFirstRequest,
    String initialToken,
    String linkRelation,
    String relativeUri,
    boolean legacyBraces,
    JsonNode body,
    String maxPagePath,
    String maxCountPath,
    Integer lastPageStatusCode,
    String lastPagePath,
    List<String> lastPageValues,
    String resourcePath) {

  /** The paging methods. */
  enum Method {
    NONE, PAGE, SKIP, TOKEN, URL, LINKHEADER, RELATIVEURI, BODY
  }

  /** No paging: one request. */
  static PagingSpec none() {
    return new PagingSpec(Method.NONE, 0, null, null, false, null, null, "next", null, false,
        null, null, null, null, null, List.of(), null);
  }

  /**
   * Reads the paging of an export section.
   *
   * @param s the export's {@code rest} or {@code http} section
   * @param where prefix for messages, e.g. {@code export 'e1' rest}
   */
  static PagingSpec of(JsonNode s, String where) throws AdaptorException {
    String legacy = s.path("pagingMethod").asText("").trim().toLowerCase(Locale.ROOT);
    JsonNode p = s.path("paging");
    boolean ext = p.isObject();
    if (!ext && legacy.isEmpty()) {
      return none();
    }
    if (ext) {
      String m = p.path("method").asText("").trim().toLowerCase(Locale.ROOT);
      if (m.isEmpty()) {
        throw bad(where + ".paging.method is required (page, skip, token, url, linkheader,"
            + " relativeuri or body)");
      }
      if (!legacy.isEmpty() && !legacyEquivalent(legacy).equals(m)) {
        throw bad(where + ".pagingMethod '" + legacy + "' conflicts with " + where
            + ".paging.method '" + m + "'; keep one of them");
      }
      return extension(p, m, where + ".paging");
    }
    return legacy(s, legacy, where);
  }

  private static String legacyEquivalent(String legacy) {
    return switch (legacy) {
      case "nextpageurl" -> "url";
      case "pageargument" -> "page";
      default -> legacy;
    };
  }

  private static PagingSpec extension(JsonNode p, String m, String where) throws AdaptorException {
    Method method;
    try {
      method = Method.valueOf(m.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      method = Method.NONE;
    }
    if (method == Method.NONE) {
      throw bad(where + ".method '" + m + "' is not one of page, skip, token, url, linkheader,"
          + " relativeuri, body");
    }
    String path = text(p, "path");
    String location = p.path("pathLocation").asText("body").toLowerCase(Locale.ROOT);
    if ((method == Method.TOKEN || method == Method.URL) && path == null) {
      throw bad(where + ".path is required for method " + m);
    }
    if (method == Method.TOKEN && !p.hasNonNull("pathLocation")) {
      throw bad(where + ".pathLocation (body or header) is required for method token");
    }
    String rel = text(p, "relativeURI");
    if (method == Method.RELATIVEURI && rel == null) {
      throw bad(where + ".relativeURI is required for method relativeuri");
    }
    JsonNode body = p.path("body");
    if (method == Method.BODY && (body.isMissingNode() || body.isNull())) {
      throw bad(where + ".body is required for method body");
    }
    int start = method == Method.SKIP ? p.path("skip").asInt(0) : p.path("page").asInt(0);
    String relation = text(p, "linkHeaderRelation");
    return new PagingSpec(method, start, null, path, "header".equals(location),
        text(p, "pathAfterFirstRequest"), text(p, "token"), relation == null ? "next" : relation,
        rel, false, body.isMissingNode() || body.isNull() ? null : body, text(p, "maxPagePath"),
        text(p, "maxCountPath"), p.hasNonNull("lastPageStatusCode")
            ? p.path("lastPageStatusCode").asInt() : null,
        text(p, "lastPagePath"), RestConnection.strings(p.path("lastPageValues")),
        text(p, "resourcePath"));
  }

  private static PagingSpec legacy(JsonNode s, String m, String where) throws AdaptorException {
    PagingSpec n = none();
    switch (m) {
      case "nextpageurl" -> {
        String path = text(s, "nextPagePath");
        if (path == null) {
          throw bad(where + ".nextPagePath is required for pagingMethod nextpageurl");
        }
        return new PagingSpec(Method.URL, 0, null, path, false, null, null, "next", null, false,
            null, null, null, null, null, List.of(), null);
      }
      case "pageargument" -> {
        String arg = text(s, "pageArgument");
        if (arg == null) {
          throw bad(where + ".pageArgument is required for pagingMethod pageargument");
        }
        return new PagingSpec(Method.PAGE, 1, arg, null, false, null, null, "next", null, false,
            null, text(s, "maxPagePath"), text(s, "maxCountPath"), null, null, List.of(), null);
      }
      case "relativeuri" -> {
        String rel = text(s, "nextPageRelativeURI");
        if (rel == null) {
          throw bad(where + ".nextPageRelativeURI is required for pagingMethod relativeuri");
        }
        return new PagingSpec(Method.RELATIVEURI, 0, null, null, false, null, null, "next", rel,
            true, null, null, null, null, null, List.of(), null);
      }
      case "linkheader" -> {
        return new PagingSpec(Method.LINKHEADER, 0, null, null, false, null, null, "next", null,
            false, null, null, null, null, null, List.of(), null);
      }
      default -> throw bad(where + ".pagingMethod '" + m + "' is not one of nextpageurl,"
          + " pageargument, relativeuri, linkheader");
    }
  }

  private static String text(JsonNode n, String field) {
    return RestConnection.textOrNull(n.path(field));
  }

  private static AdaptorException bad(String message) {
    return new AdaptorException("invalid_export", message, Classification.VALUE);
  }
}
