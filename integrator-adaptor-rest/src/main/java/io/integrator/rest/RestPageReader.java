package io.integrator.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.ExportContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a REST export page by page. Pull-based: a request is sent only when {@link #next()} needs
 * records and the current response has none left; records are streamed out of the response body
 * ({@link RecordStream}), at most {@code pageSize} per page, so a response larger than a page is
 * cut into several pages without holding more than one page. Stops at the export's {@code limit}
 * and when the run is canceled. Paging and stop rules: {@link PagingSpec} and docs/rest.md.
 */
final class RestPageReader implements PageReader {
  private static final Logger LOG = LoggerFactory.getLogger(RestPageReader.class);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ExportContext ctx;
  private final RestConnection connection;
  private final ExportSpec spec;
  private final PagingSpec paging;
  private final OkHttpClient client;
  private final HttpCalls calls;
  private final ObjectNode templates;
  private final ObjectNode pagingValues;
  private final DeltaFilter deltaFilter;

  private Request nextRequest;
  private String previousKey;
  private int requests;
  private long pageValue;
  private String token;
  private long emitted;
  private long seen;
  private Response response;
  private RecordStream stream;
  private String streamPath;
  private final List<ErrorItem> pendingErrors = new ArrayList<>();
  private boolean finished;

  RestPageReader(ExportContext ctx, RestConnection connection, ExportSpec spec,
      OkHttpClient client, HttpCalls calls) throws AdaptorException {
    this.ctx = ctx;
    this.connection = connection;
    this.spec = spec;
    this.paging = spec.paging();
    this.client = client;
    this.calls = calls;
    this.templates = RequestTemplate.exportContext(ctx);
    ObjectNode exportCopy = (ObjectNode) templates.get("export");
    ObjectNode section = exportCopy.path(spec.section()).isObject()
        ? (ObjectNode) exportCopy.get(spec.section()) : exportCopy.putObject(spec.section());
    this.pagingValues = section.path("paging").isObject()
        ? (ObjectNode) section.get("paging") : section.putObject("paging");
    this.deltaFilter = DeltaFilter.of(ctx).orElse(null);
    this.pageValue = paging.start();
    this.token = paging.initialToken();
    this.nextRequest = request(spec.relativeUri(), false, null);
  }

  @Override
  public Optional<Page> next() throws AdaptorException {
    while (true) {
      if (!pendingErrors.isEmpty()) {
        Page p = new Page(List.of(), pendingErrors);
        pendingErrors.clear();
        return Optional.of(p);
      }
      if (finished || ctx.isCanceled() || limitReached()) {
        finish();
        return Optional.empty();
      }
      if (stream != null) {
        List<ObjectNode> records = take();
        if (!records.isEmpty()) {
          return Optional.of(Page.of(records));
        }
        continue;
      }
      if (nextRequest == null) {
        finish();
        continue;
      }
      send(nextRequest);
    }
  }

  private boolean limitReached() {
    return ctx.limit() > 0 && emitted >= ctx.limit();
  }

  private String where() {
    return spec.describe() + " page " + requests;
  }

  // ------------------------------------------------------------------ responses

  private void send(Request request) throws AdaptorException {
    requests++;
    Integer endStatus = paging.lastPageStatusCode();
    int page = requests;
    Optional<Response> got = calls.execute(client, request, connection,
        code -> endStatus != null ? code == endStatus : (code == 404 && page > 1), where(),
        ctx::isCanceled);
    if (got.isEmpty()) {
      finished = true;
      return;
    }
    Response r = got.get();
    boolean end = endStatus != null ? r.code() == endStatus : (r.code() == 404 && page > 1);
    if (end) {
      r.close();
      LOG.debug("{}: status {} ends paging", where(), r.code());
      nextRequest = null;
      return;
    }
    response = r;
    streamPath = page > 1 && paging.resourcePath() != null ? paging.resourcePath()
        : spec.resourcePath();
    try {
      stream = new RecordStream(body(r), streamPath);
    } catch (IOException e) {
      closeResponse();
      throw new AdaptorException("parse", where() + ": the response of " + r.request().method()
          + " " + connection.safeUrl(r.request().url()) + " could not be read: " + e.getMessage(),
          Classification.PARSE, null, e);
    }
  }

  private InputStream body(Response r) throws AdaptorException, IOException {
    ResponseBody b = r.body();
    if (b == null) {
      return new ByteArrayInputStream(new byte[0]);
    }
    MediaType type = b.contentType();
    if (Bodies.isForm(type)) {
      return new ByteArrayInputStream(Bodies.MAPPER.writeValueAsBytes(
          Bodies.parseForm(b.string())));
    }
    if (!Bodies.isJson(type)) {
      String excerpt = Responses.bodyText(r);
      closeResponse();
      throw new AdaptorException("parse", where() + ": " + r.request().method() + " "
          + connection.safeUrl(r.request().url()) + " answered Content-Type " + type
          + ", not JSON: " + excerpt, Classification.PARSE);
    }
    return b.byteStream();
  }

  private List<ObjectNode> take() throws AdaptorException {
    int want = ctx.pageSize();
    if (ctx.limit() > 0) {
      want = (int) Math.min(want, ctx.limit() - emitted);
    }
    List<ObjectNode> records = new ArrayList<>(Math.min(want, 1024));
    boolean more;
    try {
      ObjectNode r;
      while (records.size() < want && (r = stream.next()) != null) {
        if (deltaFilter == null || deltaFilter.keep(r)) {
          records.add(r);
        }
      }
      emitted += records.size();
      more = !limitReached() && stream.hasNext();
    } catch (JsonProcessingException e) {
      Request req = response.request();
      closeResponse();
      throw new AdaptorException("parse", where() + ": the response of " + req.method() + " "
          + connection.safeUrl(req.url()) + " is not valid JSON: " + e.getOriginalMessage(),
          Classification.PARSE, null, e);
    } catch (IOException e) {
      Request req = response.request();
      closeResponse();
      throw Responses.failure(e, connection, req.method(), req.url(),
          where() + " (reading the response)");
    }
    if (!more) {
      if (limitReached()) {
        finish();
      } else {
        completeResponse();
      }
    }
    return records;
  }

  /** The response is consumed: decide the next request (or the end). */
  private void completeResponse() throws AdaptorException {
    RecordStream s = stream;
    Response r = response;
    JsonNode envelope = s.envelope();
    int count = s.count();
    seen += count;
    Headers headers = r.headers();
    Request sent = r.request();
    closeResponse();
    if (streamPath != null && !s.found() && s.envelope().size() > 0) {
      String msg = where() + ": " + spec.section() + ".resourcePath '" + streamPath
          + "' is not in the response of " + sent.method() + " " + connection.safeUrl(sent.url())
          + " (its top-level fields: " + String.join(", ", s.topLevelFields())
          + "); the page has no records";
      LOG.warn(msg);
      pendingErrors.add(new ErrorItem("resource_path_missing", msg, null));
    }
    nextRequest = count == 0 || lastPage(envelope) ? null : following(envelope, headers, sent, s);
    if (nextRequest != null) {
      String key = key(nextRequest);
      if (key.equals(key(sent))) {
        throw new AdaptorException("paging_loop", spec.describe() + ": paging would request "
            + nextRequest.method() + " " + connection.safeUrl(nextRequest.url()) + " again after"
            + " page " + requests + " (the next " + what() + " equals the previous one); check the"
            + " export's paging settings" + hint(), Classification.VALUE);
      }
    }
  }

  private String what() {
    return switch (paging.method()) {
      case URL, LINKHEADER -> "URL";
      case TOKEN -> "token";
      default -> "request";
    };
  }

  private String hint() {
    return switch (paging.method()) {
      case PAGE, SKIP, TOKEN -> ": reference {{export." + spec.section() + ".paging."
          + (paging.method() == PagingSpec.Method.TOKEN ? "token"
              : paging.method() == PagingSpec.Method.SKIP ? "skip" : "page")
          + "}} in relativeURI, query or postBody";
      default -> "";
    };
  }

  private boolean lastPage(JsonNode envelope) {
    if (paging.lastPagePath() == null) {
      return false;
    }
    String v = JsonPaths.text(envelope, paging.lastPagePath());
    return v != null && paging.lastPageValues().contains(v);
  }

  private Request following(JsonNode envelope, Headers headers, Request sent, RecordStream s)
      throws AdaptorException {
    ObjectNode previous = F.objectNode();
    previous.set("full_response", envelope);
    previous.set("last_record", s.lastRecord() == null ? F.objectNode() : s.lastRecord());
    ObjectNode hs = previous.putObject("headers");
    for (String name : headers.names()) {
      hs.put(name, headers.get(name));
    }
    templates.set("previous_page", previous);
    switch (paging.method()) {
      case PAGE, SKIP -> {
        if (reachedMax(envelope)) {
          return null;
        }
        pageValue += paging.method() == PagingSpec.Method.SKIP ? ctx.pageSize() : 1;
        return request(spec.relativeUri(), false, null);
      }
      case TOKEN -> {
        String path = requests > 1 && paging.pathAfterFirstRequest() != null
            ? paging.pathAfterFirstRequest() : paging.path();
        String next = paging.pathInHeader() ? headers.get(path) : JsonPaths.text(envelope, path);
        if (next == null || next.isEmpty() || next.equals("null")) {
          return null;
        }
        if (next.equals(token)) {
          throw new AdaptorException("paging_loop", spec.describe() + ": page " + requests
              + " answered the same paging token as the page before; stopping to avoid a loop",
              Classification.VALUE);
        }
        token = next;
        return request(spec.relativeUri(), false, null);
      }
      case URL -> {
        String next = JsonPaths.text(envelope, paging.path());
        if (next == null || next.isBlank() || next.equals("null")) {
          return null;
        }
        return get(connection.resolve(next));
      }
      case LINKHEADER -> {
        String link = LinkHeader.find(headers.values("Link"), paging.linkRelation());
        if (link == null) {
          return null;
        }
        HttpUrl url = sent.url().resolve(link);
        if (url == null) {
          throw new AdaptorException("invalid_url", where() + ": the Link header's "
              + paging.linkRelation() + " target '" + link + "' is not a valid URL",
              Classification.VALUE);
        }
        return get(url);
      }
      case RELATIVEURI -> {
        String rel = paging.relativeUri();
        if (paging.legacyBraces()) {
          Optional<String> r = RequestTemplate.renderBraces(rel, s.lastRecord(), true);
          if (r.isEmpty()) {
            return null;
          }
          rel = r.get();
        }
        return request(rel, true, null);
      }
      case BODY -> {
        return request(spec.relativeUri(), false, paging.body());
      }
      default -> {
        return null;
      }
    }
  }

  private boolean reachedMax(JsonNode envelope) {
    if (paging.maxPagePath() != null) {
      BigDecimal total = number(envelope, paging.maxPagePath());
      if (total != null) {
        long pagesDone = paging.method() == PagingSpec.Method.SKIP ? requests
            : pageValue - paging.start() + 1;
        return pagesDone >= total.longValue();
      }
    }
    if (paging.maxCountPath() != null) {
      BigDecimal total = number(envelope, paging.maxCountPath());
      if (total != null) {
        return seen >= total.longValue();
      }
    }
    return false;
  }

  private static BigDecimal number(JsonNode envelope, String path) {
    String t = JsonPaths.text(envelope, path);
    if (t == null) {
      return null;
    }
    try {
      return new BigDecimal(t.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ requests

  /** The export's request with the current paging values, another relativeURI or body. */
  private Request request(String relativeUri, boolean pagingUri, JsonNode bodyOverride)
      throws AdaptorException {
    if (paging.method() == PagingSpec.Method.PAGE || paging.method() == PagingSpec.Method.SKIP) {
      pagingValues.put(paging.method() == PagingSpec.Method.PAGE ? "page" : "skip", pageValue);
    }
    if (token != null) {
      pagingValues.put("token", token);
    } else {
      pagingValues.remove("token");
    }
    String sectionPath = spec.describe() + " " + spec.section();
    String uriField = pagingUri ? sectionPath + ".paging.relativeURI" : sectionPath + ".relativeURI";
    String rendered = RequestTemplate.renderUrl(relativeUri, templates, uriField);
    HttpUrl.Builder url = connection.resolve(rendered).newBuilder();
    for (Map.Entry<String, JsonNode> q : spec.query().entrySet()) {
      JsonNode v = q.getValue();
      if (v.isArray()) {
        for (JsonNode item : v) {
          url.addQueryParameter(q.getKey(), queryValue(item, sectionPath + ".query." + q.getKey()));
        }
      } else if (!v.isNull()) {
        url.addQueryParameter(q.getKey(), queryValue(v, sectionPath + ".query." + q.getKey()));
      }
    }
    if (paging.pageArgument() != null) {
      url.setQueryParameter(paging.pageArgument(), String.valueOf(pageValue));
    }
    Request.Builder b = new Request.Builder().url(url.build());
    headers(b, sectionPath);
    if ("POST".equals(spec.method())) {
      JsonNode body = bodyOverride != null ? bodyOverride : spec.postBody();
      String bodyField = bodyOverride != null ? sectionPath + ".paging.body"
          : sectionPath + ".postBody";
      RequestBody rb;
      if (body == null) {
        rb = Bodies.encode(null, connection.bodyType());
      } else if (body.isTextual()) {
        rb = Bodies.encodeText(RequestTemplate.renderText(body.textValue(), templates, bodyField),
            connection.bodyType());
      } else {
        rb = Bodies.encode(RequestTemplate.renderTree(body, templates, bodyField),
            connection.bodyType());
      }
      b.post(rb);
    }
    return b.build();
  }

  private String queryValue(JsonNode v, String field) throws AdaptorException {
    if (v.isTextual()) {
      return RequestTemplate.renderText(v.textValue(), templates, field);
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private Request get(HttpUrl url) throws AdaptorException {
    Request.Builder b = new Request.Builder().url(url);
    headers(b, spec.describe() + " " + spec.section());
    return b.build();
  }

  private void headers(Request.Builder b, String sectionPath) throws AdaptorException {
    b.header("Accept", "application/json");
    for (Map.Entry<String, String> h : connection.headers().entrySet()) {
      b.header(h.getKey(), RequestTemplate.renderText(h.getValue(), templates,
          connection.describe() + " " + connection.section() + ".headers." + h.getKey()));
    }
    for (Map.Entry<String, String> h : spec.headers().entrySet()) {
      b.header(h.getKey(), RequestTemplate.renderText(h.getValue(), templates,
          sectionPath + ".headers." + h.getKey()));
    }
  }

  /** Method, URL and body of a request, to detect loops. */
  private static String key(Request r) {
    StringBuilder sb = new StringBuilder(r.method()).append(' ').append(r.url());
    RequestBody body = r.body();
    if (body != null) {
      Buffer buf = new Buffer();
      try {
        body.writeTo(buf);
      } catch (IOException e) {
        return sb.append(" #").append(System.identityHashCode(r)).toString();
      }
      sb.append(' ').append(buf.readUtf8());
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ lifecycle

  private void closeResponse() {
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException e) {
        LOG.debug("closing a response stream failed", e);
      }
      stream = null;
    }
    if (response != null) {
      response.close();
      response = null;
    }
  }

  private void finish() {
    finished = true;
    nextRequest = null;
    closeResponse();
  }

  @Override
  public void close() {
    finish();
  }
}
