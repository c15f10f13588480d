package io.integrator.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.spi.WebhookException;
import io.integrator.spi.WebhookReceipt;
import io.integrator.store.ResourceStore;
import io.integrator.store.Stores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhooksTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final SinkAdaptor sink = new SinkAdaptor();
  final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
  Integrator integrator;
  String connectionId;

  @AfterEach
  void close() {
    if (integrator != null) {
      integrator.close();
    }
  }

  Integrator open(ResourceStore store) {
    integrator = Integrator.builder().store(store).adaptor(sink).build();
    integrator.webhooks().onJob(jobs::add);
    return integrator;
  }

  /** A webhook export, an import mapping id and name (upper-cased), and a flow between them. */
  String setUp(String flowExtra) {
    connectionId = integrator.connections().create("""
        {"_id": "dest", "name": "Dest", "type": "rest",
         "rest": {"baseURI": "https://dest.test", "mediaType": "json"}}""").id();
    integrator.exports().create("""
        {"_id": "hook", "name": "Orders hook", "type": "webhook", "pageSize": 2,
         "webhook": {"verify": "token", "token": "s3cret", "path": "token"}}""");
    integrator.imports().create("""
        {"_id": "imp", "name": "To dest", "_connectionId": "dest",
         "rest": {"relativeURI": "/orders", "method": "POST"},
         "mapping": {"fields": [{"extract": "id", "generate": "id"},
                                {"extract": "fail", "generate": "fail"},
                                {"extract": "name", "generate": "name", "dataType": "string"}]}}""");
    return integrator.flows().create("""
        {"_id": "flow", "name": "Orders", "pageGenerators": [{"_exportId": "hook"}],
         "pageProcessors": [{"type": "import", "_importId": "imp"}]%s}""".formatted(flowExtra))
        .id();
  }

  static List<ObjectNode> records(int from, int to) {
    List<ObjectNode> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(JSON.createObjectNode().put("id", "o" + i).put("name", "n" + i));
    }
    return out;
  }

  Job nextJob() throws InterruptedException {
    Job j = jobs.poll(30, TimeUnit.SECONDS);
    assertThat(j).as("a finished webhook run").isNotNull();
    return j;
  }

  @Test
  void acceptedRecordsGoThroughTheFlowInPagesAndLeaveTheQueue() throws Exception {
    open(Stores.inMemory());
    setUp("");
    List<ObjectNode> in = records(0, 5);
    in.get(3).put("fail", true);
    WebhookReceipt r = integrator.webhooks().accept("hook", in);
    assertThat(r.flowIds()).containsExactly("flow");
    assertThat(r.records()).isEqualTo(5);

    Job job = nextJob();
    assertThat(job.status()).isEqualTo("completed");
    assertThat(job.numExport()).isEqualTo(5);
    assertThat(job.numPagesGenerated()).isEqualTo(3); // pageSize 2
    assertThat(job.numSuccess()).isEqualTo(4);
    assertThat(job.numError()).isEqualTo(1);
    assertThat(sink.received).extracting(n -> n.get("id").asText())
        .containsExactlyInAnyOrder("o0", "o1", "o2", "o4"); // pages run in parallel
    assertThat(integrator.webhooks().pending("flow")).isZero();
  }

  @Test
  void unknownExportsAndExportsWithoutAnEnabledFlowAreRefused() {
    open(Stores.inMemory());
    setUp(", \"disabled\": true");
    assertThatThrownBy(() -> integrator.webhooks().accept("nope", records(0, 1)))
        .isInstanceOfSatisfying(WebhookException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.getMessage()).contains("no webhook or distributed export has the id 'nope'");
        });
    assertThatThrownBy(() -> integrator.webhooks().accept("hook", records(0, 1)))
        .isInstanceOfSatisfying(WebhookException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.code()).isEqualTo("no_flow");
          assertThat(e.getMessage()).contains("'hook'").contains("enable");
        });
    assertThat(integrator.webhooks().pending("flow")).isZero();
    assertThat(integrator.webhooks().webhookExport("dest")).isEmpty();
    assertThat(integrator.webhooks().webhookExport("hook").orElseThrow()
        .path("webhook").path("token").asText()).isEqualTo("s3cret");
  }

  @Test
  void requestsArrivingDuringARunAreQueuedAndBatchedIntoTheNextRun() throws Exception {
    open(Stores.inMemory());
    setUp("");
    sink.gate = new CountDownLatch(1);
    integrator.webhooks().accept("hook", records(0, 1));
    assertThat(sink.entered.await(30, TimeUnit.SECONDS)).isTrue(); // first run is submitting
    integrator.webhooks().accept("hook", records(1, 3));
    integrator.webhooks().accept("hook", records(3, 4));
    assertThat(integrator.webhooks().pending("flow")).isEqualTo(3);
    sink.gate.countDown();

    Job first = nextJob();
    Job second = nextJob();
    assertThat(first.numExport()).isEqualTo(1);
    assertThat(second.numExport()).isEqualTo(3);
    assertThat(second.numPagesGenerated()).isEqualTo(2); // pages never mix two requests
    assertThat(sink.received).extracting(n -> n.get("id").asText())
        .containsExactlyInAnyOrder("o0", "o1", "o2", "o3");
    assertThat(integrator.webhooks().pending("flow")).isZero();
  }

  @Test
  void aQueuedPayloadSurvivesARestartOnAFileStoreAndIsProcessedOnResume() throws Exception {
    Path state = dir.resolve("state");
    open(Stores.h2File(state));
    setUp("");
    sink.refusePing = true;
    assertThat(integrator.ping("dest").ok()).isFalse(); // a failed ping takes the connection offline
    integrator.webhooks().accept("hook", records(0, 3));
    Job failed = nextJob();
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(integrator.webhooks().pending("flow")).isEqualTo(1); // a failed run keeps it
    integrator.close();

    integrator = null;
    open(Stores.h2File(state));
    assertThat(integrator.webhooks().pending("flow")).isEqualTo(1);
    sink.refusePing = false;
    assertThat(integrator.ping("dest").ok()).isTrue(); // and a successful one brings it back
    assertThat(integrator.webhooks().resume()).isEqualTo(1);
    Job job = nextJob();
    assertThat(job.status()).isEqualTo("completed");
    assertThat(job.numSuccess()).isEqualTo(3);
    assertThat(sink.received).extracting(n -> n.get("id").asText())
        .containsExactlyInAnyOrder("o0", "o1", "o2");
    assertThat(integrator.webhooks().pending("flow")).isZero();
    assertThat(integrator.webhooks().resume()).isZero();
  }

  @Test
  void aManualRunOfAWebhookFlowReadsWhatIsQueued() {
    open(Stores.inMemory());
    setUp("");
    Job empty = integrator.runFlow("flow");
    assertThat(empty.status()).isEqualTo("completed");
    assertThat(empty.numExport()).isZero();
  }

  @Test
  void aWebhookExportCannotBeInvokedOrPreviewed() {
    open(Stores.inMemory());
    setUp("");
    assertThatThrownBy(() -> integrator.invokeExport("hook", 1, null))
        .hasMessageContaining("export 'hook' is a webhook export")
        .hasMessageContaining("send it a request");
  }
}
