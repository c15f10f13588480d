package io.integrator.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.WebhookException;
import io.integrator.spi.WebhookReceipt;
import io.integrator.spi.WebhookSink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The realtime listener alone, over a sink that records what it is handed. */
class DistributedListenerTest {
  final List<List<ObjectNode>> accepted = new CopyOnWriteArrayList<>();
  final WebhookSink sink = new WebhookSink() {
    @Override
    public Optional<ObjectNode> webhookExport(String exportId) {
      return Optional.empty();
    }

    @Override
    public Optional<ObjectNode> distributedExport(String exportId) {
      return switch (exportId) {
        case "e1" -> Optional.of(DistributedFixture.json(
            "{\"_id\": \"e1\", \"type\": \"distributed\", \"distributed\": {\"bearerToken\": \"tok-1\"}}"));
        case "notoken" -> Optional.of(DistributedFixture.json("{\"_id\": \"notoken\", \"type\": \"distributed\"}"));
        case "noflow" -> Optional.of(DistributedFixture.json(
            "{\"_id\": \"noflow\", \"type\": \"distributed\", \"distributed\": {\"bearerToken\": \"tok-1\"}}"));
        default -> Optional.empty();
      };
    }

    @Override
    public WebhookReceipt accept(String exportId, List<ObjectNode> records) throws WebhookException {
      if ("noflow".equals(exportId)) {
        throw new WebhookException(503, "no_flow", "no enabled flow uses it", null);
      }
      accepted.add(records);
      return new WebhookReceipt(exportId, List.of("f1"), records.size());
    }
  };
  final DistributedListener listener = DistributedListener.builder(sink).maxBodyBytes(200).build();

  DistributedListener.Response post(String path, String auth, String body) {
    return listener.handle("POST", path, auth, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theRightTokenQueuesTheRecordsOfEveryBodyShape() {
    assertThat(post("/distributed/e1", "Bearer tok-1", "{\"records\": [{\"id\": 1}, {\"id\": 2}]}"))
        .isEqualTo(new DistributedListener.Response(200, "{\"records\":2,\"flows\":[\"f1\"]}"));
    assertThat(post("/distributed/e1", "bearer tok-1", "[{\"id\": 3}]").status()).isEqualTo(200);
    assertThat(post("/distributed/e1", "Bearer tok-1", "{\"id\": 4}").status()).isEqualTo(200);
    assertThat(accepted).extracting(List::size).containsExactly(2, 1, 1);
  }

  @Test
  void wrongMissingOrUnsetTokensAre401AndQueueNothing() {
    assertThat(post("/distributed/e1", "Bearer tok-2", "[]").status()).isEqualTo(401);
    assertThat(post("/distributed/e1", "Bearer tok-1x", "[]").status()).isEqualTo(401);
    assertThat(post("/distributed/e1", "Basic dG9rLTE=", "[]").status()).isEqualTo(401);
    assertThat(post("/distributed/e1", null, "[]").status()).isEqualTo(401);
    DistributedListener.Response unset = post("/distributed/notoken", "Bearer ", "[]");
    assertThat(unset.status()).isEqualTo(401);
    assertThat(unset.body()).contains("no distributed.bearerToken");
    assertThat(accepted).isEmpty();
    assertThat(DistributedListener.tokenMatches("Bearer  tok-1 ", "tok-1")).isTrue();
  }

  @Test
  void otherRequestsGetClearStatuses() {
    assertThat(post("/distributed/nope", "Bearer tok-1", "[]").status()).isEqualTo(404);
    assertThat(post("/elsewhere/e1", "Bearer tok-1", "[]").status()).isEqualTo(404);
    assertThat(listener.handle("GET", "/distributed/e1", "Bearer tok-1", new byte[0]).status()).isEqualTo(405);
    DistributedListener.Response bad = post("/distributed/e1", "Bearer tok-1", "{\"records\": [1]}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("records[0] is not an object");
    assertThat(post("/distributed/e1", "Bearer tok-1", "not json").status()).isEqualTo(400);
    assertThat(post("/distributed/e1", "Bearer tok-1", "[" + "{},".repeat(100) + "{}]").status()).isEqualTo(413);
    DistributedListener.Response busy = post("/distributed/noflow", "Bearer tok-1", "[{}]");
    assertThat(busy.status()).isEqualTo(503);
    assertThat(busy.body()).contains("no_flow");
    assertThat(accepted).isEmpty();
  }

  @Test
  void restletResultsMapToSubmitResults() {
    var ok = RestletImportWriter.result(DistributedFixture.json(
        "{\"statusCode\": 200, \"id\": \"7\", \"errors\": [], \"ignored\": false}"));
    assertThat(ok.isSuccess()).isTrue();
    assertThat(ok.id()).isEqualTo("7");
    var missing = RestletImportWriter.result(DistributedFixture.json(
        "{\"statusCode\": 422, \"errors\": [{\"code\": \"lookup_missing\", \"message\": \"m\", \"source\": \"lookup\"}]}"));
    assertThat(missing.classification()).isEqualTo("missing");
    assertThat(missing.errors().get(0).source()).isEqualTo("lookup");
    var usage = RestletImportWriter.result(DistributedFixture.json(
        "{\"statusCode\": 503, \"errors\": [{\"code\": \"usage_limit\", \"message\": \"m\"}]}"));
    assertThat(usage.classification()).isEqualTo("intermittent");
    var dup = RestletImportWriter.result(DistributedFixture.json(
        "{\"statusCode\": 422, \"errors\": [{\"code\": \"duplicate\", \"message\": \"m\"}]}"));
    assertThat(dup.classification()).isEqualTo("duplicate");
    var ignored = RestletImportWriter.result(DistributedFixture.json(
        "{\"statusCode\": 200, \"errors\": [], \"ignored\": true}"));
    assertThat(ignored.ignored()).isTrue();
  }
}
