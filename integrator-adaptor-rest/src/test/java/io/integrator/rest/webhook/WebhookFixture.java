package io.integrator.rest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.Job;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real engine (in-memory store) with a webhook export {@code hook} whose flow imports into a
 * {@link CollectingAdaptor} (mapping {@code id}, {@code name}, {@code event}, {@code shop}), a
 * listener and a {@link WebhookServer} on a free port of 127.0.0.1.
 */
final class WebhookFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  final CollectingAdaptor destination = new CollectingAdaptor();
  final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
  final Integrator integrator;
  final WebhookListener listener;
  final WebhookServer server;
  final HttpClient http = HttpClient.newHttpClient();

  /** @param webhook the export's {@code webhook} section, as JSON */
  WebhookFixture(String webhook) {
    this(webhook, WebhookListener.DEFAULT_MAX_BODY_BYTES);
  }

  WebhookFixture(String webhook, long maxBodyBytes) {
    integrator = Integrator.builder().adaptor(destination).build();
    integrator.webhooks().onJob(jobs::add);
    integrator.connections().create("""
        {"_id": "dest", "name": "Dest", "type": "rest",
         "rest": {"baseURI": "https://dest.test", "mediaType": "json"}}""");
    integrator.exports().create("""
        {"_id": "hook", "name": "Hook", "type": "webhook", "webhook": %s}""".formatted(webhook));
    integrator.imports().create("""
        {"_id": "imp", "name": "To dest", "_connectionId": "dest",
         "rest": {"relativeURI": "/in", "method": "POST"},
         "mapping": {"fields": [{"extract": "id", "generate": "id"},
                                {"extract": "name", "generate": "name"},
                                {"extract": "event", "generate": "event"},
                                {"extract": "shop", "generate": "shop"}]}}""");
    integrator.flows().create("""
        {"_id": "flow", "name": "Hooked", "_exportId": "hook", "_importId": "imp"}""");
    listener = WebhookListener.builder(integrator.webhooks()).maxBodyBytes(maxBodyBytes).build();
    server = WebhookServer.start(listener, "127.0.0.1", 0);
  }

  HttpResponse<String> post(String pathSuffix, String contentType, byte[] body, String... headers)
      throws Exception {
    return send("POST", pathSuffix, contentType, body, headers);
  }

  HttpResponse<String> post(String contentType, String body, String... headers) throws Exception {
    return send("POST", "", contentType, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  HttpResponse<String> send(String method, String pathSuffix, String contentType, byte[] body,
      String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url("hook") + pathSuffix))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits for the next finished webhook run and returns the records the destination received. */
  List<ObjectNode> delivered() throws InterruptedException {
    Job job = jobs.poll(30, TimeUnit.SECONDS);
    assertThat(job).as("a finished webhook run").isNotNull();
    assertThat(job.status()).isEqualTo("completed");
    return List.copyOf(destination.received);
  }

  /** Asserts that a refused request left nothing behind: no queued payload, no job, no record. */
  void assertNothingEntered() {
    assertThat(integrator.webhooks().pending("flow")).isZero();
    assertThat(integrator.jobs().list()).isEmpty();
    assertThat(destination.received).isEmpty();
  }

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  static void assertError(HttpResponse<String> r, int status, String code, String text)
      throws Exception {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode e = json(r.body()).path("errors").path(0);
    assertThat(e.path("code").asText()).isEqualTo(code);
    assertThat(e.path("message").asText()).contains(text);
  }

  @Override
  public void close() {
    server.close();
    integrator.close();
  }
}
