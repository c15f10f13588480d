package io.integrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.testkit.RestApiServer;
import io.integrator.testkit.RestletServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code integrator webhook} serving a realtime distributed export: the RESTlet fake plays the
 * user-event script and pushes a saved sales order with the export's bearer token; the flow copies
 * it into a testkit ERP.
 */
class DistributedWebhookCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern URL =
      Pattern.compile("POST (http://127\\.0\\.0\\.1:\\d+/distributed/realtime-orders)");
  private static final String DISTRIBUTED = """
      {"type": "realtime", "recordType": "salesorder",
       "executionContext": ["userinterface", "webservices"],
       "qualifier": "['total', '>=', '1000']"}""";

  @TempDir Path dir;
  private final RestletServer ns = RestletServer.builder().start();
  private final RestApiServer erp = RestApiServer.builder().collection("orders").start();

  @AfterEach
  void stop() {
    ns.close();
    erp.close();
  }

  private void write(String path, String content) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private void project() throws IOException {
    write("iclients/netsuite-app.json", """
        {"name": "Integrator DA", "provider": "netsuite",
         "netsuite": {"consumerKey": "consumer-key", "consumerSecret": "consumer-secret"}}""");
    write("connections/netsuite.json", """
        {"name": "NetSuite", "type": "netsuite",
         "netsuite": {"account": "123456", "tokenId": "token-id", "tokenSecret": "token-secret",
                      "_iClientId": "netsuite-app", "dataCenterURLs": {"restDomain": "%s"}}}"""
        .formatted(ns.restDomain()));
    write("connections/erp.json", "{\"type\": \"rest\", \"rest\": {\"baseURI\": \"" + erp.baseUri()
        + "\", \"mediaType\": \"json\"}}");
    write("exports/realtime-orders.json", """
        {"name": "Big orders as they are saved", "_connectionId": "netsuite", "type": "distributed",
         "distributed": {"bearerToken": "push-token-1"}}""");
    write("exports/realtime-orders.distributed.json", DISTRIBUTED);
    write("imports/to-erp.json", """
        {"name": "To ERP", "_connectionId": "erp", "rest": {"relativeURI": "/orders", "method": "POST"},
         "mapping": {"fields": [{"extract": "tranid", "generate": "number"},
                                {"extract": "total", "generate": "total"}]}}""");
    write("flows/big-orders.json",
        "{\"name\": \"Big orders\", \"_exportId\": \"realtime-orders\", \"_importId\": \"to-erp\"}");
  }

  @Test
  void recordsPushedWithTheBearerTokenRunTheFlowAndOthersAreRefused() throws Exception {
    project();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() -> Main.run(
        new String[] {"webhook", dir.toString(), "--port", "0", "--distributed-port", "0",
            "--stop-after", "1"},
        new PrintWriter(out, true), new PrintWriter(err, true)));
    Matcher m = URL.matcher(await(out, err, command));
    assertThat(m.find()).isTrue();
    assertThat(out.toString()).contains("realtime-orders (bearer token)").contains("-> flow big-orders")
        .doesNotContain("Listening for webhooks");
    URI url = URI.create(m.group(1));
    ObjectNode distributed = (ObjectNode) JSON.readTree(DISTRIBUTED);
    String big = ns.add("salesorder", (ObjectNode) JSON.readTree("{\"tranid\": \"SO-7\", \"total\": 1500}"));
    String small = ns.add("salesorder", (ObjectNode) JSON.readTree("{\"tranid\": \"SO-8\", \"total\": 20}"));

    assertThat(ns.afterSubmit(url, "stolen-token", distributed, "salesorder", big, "userinterface",
        "create")).isEqualTo(OptionalInt.of(401));
    assertThat(ns.afterSubmit(url, "push-token-1", distributed, "salesorder", small,
        "userinterface", "create")).as("the qualifier keeps it NetSuite-side").isEmpty();
    assertThat(ns.afterSubmit(url, "push-token-1", distributed, "salesorder", big, "userinterface",
        "create")).isEqualTo(OptionalInt.of(200));

    assertThat(command.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("(flow) completed").contains("exported 1, succeeded 1, failed 0");
    assertThat(erp.records("orders")).singleElement().satisfies(o -> {
      assertThat(o.path("number").asText()).isEqualTo("SO-7");
      assertThat(o.path("total").asInt()).isEqualTo(1500);
    });
  }

  private static String await(StringWriter out, StringWriter err, CompletableFuture<Integer> command)
      throws InterruptedException {
    for (int i = 0; i < 3000; i++) { // at most a minute
      if (URL.matcher(out.toString()).find()) {
        return out.toString();
      }
      if (command.isDone()) {
        break;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the command printed no distributed URL:\n" + out + "\n" + err);
  }
}
