package io.integrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import io.integrator.testkit.RestApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code integrator webhook} end to end: real HTTP requests on a free port run the flow. */
class WebhookCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern URL = Pattern.compile("POST (http://127\\.0\\.0\\.1:\\d+/webhooks/orders-hook)");

  @TempDir Path dir;
  private RestApiServer erp;

  private void write(String path, String content) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  /**
   * A webhook export whose flow posts into a testkit ERP API through the REST adaptor; the ERP
   * refuses orders without a {@code sku}.
   */
  private void project() throws IOException {
    erp = RestApiServer.builder().collection("orders").required("orders", "sku").start();
    write("connections/erp.json", "{\"type\": \"rest\", \"rest\": {\"baseURI\": \"" + erp.baseUri()
        + "\", \"mediaType\": \"json\"}}");
    write("exports/orders-hook.json", """
        {"name": "Orders hook", "type": "webhook",
         "webhook": {"verify": "hmac", "algorithm": "sha256", "encoding": "hex", "key": "k3y",
                     "header": "X-Signature", "pathToRecords": "orders",
                     "includeParentData": true}}""");
    write("imports/to-erp.json", """
        {"name": "To ERP", "_connectionId": "erp",
         "rest": {"relativeURI": "/orders", "method": "POST"},
         "mapping": {"fields": [{"extract": "id", "generate": "orderId"},
                                {"extract": "shop", "generate": "shop"},
                                {"extract": "sku", "generate": "sku"}]}}""");
    write("flows/hooked.json", """
        {"name": "Hooked", "_exportId": "orders-hook", "_importId": "to-erp"}""");
  }

  @AfterEach
  void stopErp() {
    if (erp != null) {
      erp.close();
    }
  }

  private static String sign(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("k3y".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static String await(StringWriter out, StringWriter err, CompletableFuture<Integer> command,
      Predicate<String> done) throws InterruptedException {
    for (int i = 0; i < 3000; i++) { // at most a minute; returns as soon as the text is there
      String text = out.toString();
      if (done.test(text)) {
        return text;
      }
      if (command.isDone()) {
        break;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the command did not print what was expected; it printed:\n" + out
        + "\nand on standard error:\n" + err);
  }

  private static long count(String text, String what) {
    return Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
  }

  @Test
  void listensRunsTheFlowPerRequestAndPrintsEachJob() throws Exception {
    project();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() -> Main.run(
        new String[] {"webhook", dir.toString(), "--port", "0", "--stop-after", "2"},
        new PrintWriter(out, true), new PrintWriter(err, true)));

    Matcher m = URL.matcher(await(out, err, command, t -> URL.matcher(t).find()));
    assertThat(m.find()).isTrue();
    URI url = URI.create(m.group(1));
    assertThat(out.toString()).contains("orders-hook (verify hmac)").contains("-> flow hooked");
    HttpClient http = HttpClient.newHttpClient();

    byte[] first = "{\"shop\": \"north\", \"orders\": [{\"id\": 1, \"sku\": \"A\"}, {\"id\": 2}]}"
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json").header("X-Signature", sign("x".getBytes()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(first)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("unauthorized");

    HttpResponse<String> ok = http.send(HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json").header("X-Signature", sign(first))
        .POST(HttpRequest.BodyPublishers.ofByteArray(first)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(204);
    await(out, err, command, t -> count(t, "completed") >= 1);

    byte[] second = "{\"shop\": \"south\", \"orders\": [{\"id\": 3, \"sku\": \"C\"}]}".getBytes(StandardCharsets.UTF_8);
    assertThat(http.send(HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json").header("X-Signature", sign(second))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(second)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);

    int exit = command.get(60, TimeUnit.SECONDS);
    assertThat(exit).as(err.toString()).isZero();
    String printed = out.toString();
    assertThat(count(printed, "(flow) completed")).as(printed).isEqualTo(2);
    assertThat(printed).contains("exported 2, succeeded 1, failed 1")
        .contains("exported 1, succeeded 1, failed 0");

    // The refused record is a job error whose retry data is the record as it entered the import,
    // the parent's shop copied in.
    Matcher failedJob = Pattern.compile("Job (\\S+) \\(flow\\) completed\\s+exported 2").matcher(printed);
    assertThat(failedJob.find()).as(printed).isTrue();
    CliRun errors = CliRun.of("errors", dir.toString(), failedJob.group(1), "--json");
    var record = JSON.readTree(errors.out()).path(0).path("retryData").path("record");
    assertThat(record.path("id").asInt()).as(errors.out()).isEqualTo(2);
    assertThat(record.path("shop").asText()).isEqualTo("north");
    assertThat(CliRun.of("jobs", dir.toString(), "--flow", "hooked").out()).contains("completed");
    assertThat(erp.records("orders")).extracting(o -> o.path("orderId").asInt() + "@"
        + o.path("shop").asText()).containsExactlyInAnyOrder("1@north", "3@south");
  }

  @Test
  void aPayloadOfAFailedRunStaysQueuedAndIsProcessedOnTheNextStart() throws Exception {
    project();
    String online = Files.readString(dir.resolve("connections/erp.json"));
    write("connections/erp.json", online.replaceFirst("^\\{", "{\"offline\": true, "));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() -> Main.run(
        new String[] {"webhook", dir.toString(), "--port", "0", "--stop-after", "1"},
        new PrintWriter(out, true), new PrintWriter(err, true)));
    Matcher m = URL.matcher(await(out, err, command, t -> URL.matcher(t).find()));
    assertThat(m.find()).isTrue();
    byte[] body = "{\"shop\": \"west\", \"orders\": [{\"id\": 7, \"sku\": \"G\"}]}"
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> accepted = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(m.group(1)))
            .header("Content-Type", "application/json").header("X-Signature", sign(body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).isEqualTo(204);
    assertThat(command.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("(flow) failed").contains("its payloads stay queued");
    assertThat(erp.records("orders")).isEmpty();

    // The ERP is back (a ping brings the connection online): the next start processes the
    // payload queued in the project's store.
    write("connections/erp.json", online);
    assertThat(CliRun.of("ping", dir.toString(), "erp").exitCode()).isZero();
    CliRun restart = CliRun.of("webhook", dir.toString(), "--port", "0", "--stop-after", "1");
    assertThat(restart.exitCode()).as(restart.err()).isZero();
    assertThat(restart.out()).contains("Processing payloads queued earlier: 1 flow run(s) started")
        .contains("(flow) completed").contains("exported 1, succeeded 1, failed 0");
    assertThat(erp.records("orders")).extracting(o -> o.path("orderId").asInt() + "@"
        + o.path("shop").asText()).containsExactly("7@west");
  }

  @Test
  void aProjectWithoutWebhookExportsIsRefused() throws Exception {
    write("connections/erp.json",
        "{\"type\": \"rest\", \"rest\": {\"baseURI\": \"http://127.0.0.1:2\", \"mediaType\": \"json\"}}");
    CliRun run = CliRun.of("webhook", dir.toString(), "--port", "0");
    assertThat(run.exitCode()).isEqualTo(Main.FAILED);
    assertThat(run.err()).contains("has no webhook export");
  }
}
