package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.DistributedExport;
import io.integrator.model.DistributedImport;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.model.ResourceJson;
import io.integrator.model.Resources;
import io.integrator.spi.Adaptor;
import io.integrator.spi.ExportContext;
import io.integrator.spi.ImportContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import io.integrator.spi.PingResult;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Distributed (NetSuite-side) resources in the engine: a distributed import hands its distributed
 * document to the writer and submits the records unmapped; exports get their distributed document
 * in the context; records of a {@code type: distributed} export enter flows through the webhook
 * queue.
 */
class DistributedRunTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Serves {@code netsuite}: reads two records, remembers contexts and what it was sent. */
  static final class NsAdaptor implements Adaptor {
    final List<ImportContext> importContexts = new CopyOnWriteArrayList<>();
    final List<ExportContext> exportContexts = new CopyOnWriteArrayList<>();
    final List<ObjectNode> received = new CopyOnWriteArrayList<>();

    @Override
    public Set<String> connectionTypes() {
      return Set.of("netsuite");
    }

    @Override
    public PingResult ping(ObjectNode connection) {
      return PingResult.success();
    }

    @Override
    public PageReader openReader(ExportContext ctx) {
      exportContexts.add(ctx);
      return new PageReader() {
        boolean done;

        @Override
        public Optional<Page> next() {
          if (done) {
            return Optional.empty();
          }
          done = true;
          return Optional.of(Page.of(List.of(
              JSON.createObjectNode().put("id", "a").put("country", "USA"),
              JSON.createObjectNode().put("id", "b").put("country", "UK"))));
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public RecordWriter openWriter(ImportContext ctx) {
      importContexts.add(ctx);
      return records -> {
        List<SubmitResult> out = new ArrayList<>();
        for (ObjectNode r : records) {
          received.add(r);
          out.add("b".equals(r.path("id").asText())
              ? SubmitResult.failure(422, "INVALID_FLD_VALUE", "bad currency")
              : SubmitResult.success("ns-" + r.path("id").asText(), null));
        }
        return out;
      };
    }
  }

  final NsAdaptor ns = new NsAdaptor();
  final BlockingQueue<Job> pushedRuns = new LinkedBlockingQueue<>();
  Integrator integrator;

  @BeforeEach
  void open() {
    integrator = Integrator.builder().adaptor(ns).build();
    integrator.webhooks().onJob(pushedRuns::add);
    integrator.connections().create("""
        {"_id": "ns", "name": "NS", "type": "netsuite",
         "netsuite": {"account": "123456", "tokenId": "tid", "tokenSecret": "tsec"}}""");
  }

  @AfterEach
  void close() {
    integrator.close();
  }

  void distributedImport(boolean withDocument) {
    integrator.imports().create("""
        {"_id": "imp", "name": "DA", "_connectionId": "ns", "distributed": "true"}""");
    if (withDocument) {
      integrator.imports().putDistributed("imp", Resources.of(DistributedImport.class,
          (ObjectNode) ResourceJson.read("""
              {"recordType": "salesorder", "operation": "add", "maxAttempts": 1,
               "mapping": {"fields": [{"extract": "country", "generate": "currency"}]}}""",
              "test")));
    }
  }

  @Test
  void distributedImportsSendUnmappedRecordsWithTheirDistributedDocument() {
    integrator.exports().create("""
        {"_id": "exp", "name": "E", "_connectionId": "ns", "netsuite": {"type": "restlet"}}""");
    integrator.exports().putDistributed("exp", Resources.of(DistributedExport.class,
        (ObjectNode) ResourceJson.read("""
            {"type": "batch", "recordType": "customer", "searchId": "69422"}""", "test")));
    distributedImport(true);
    integrator.flows().create("""
        {"_id": "f", "name": "F", "pageGenerators": [{"_exportId": "exp"}],
         "pageProcessors": [{"type": "import", "_importId": "imp"}]}""");

    Job job = integrator.runFlow("f");

    assertThat(job.status()).isEqualTo("completed");
    assertThat(job.numSuccess()).isEqualTo(1);
    assertThat(job.numError()).isEqualTo(1);
    assertThat(ns.exportContexts.get(0).distributed().path("searchId").asText())
        .isEqualTo("69422");
    ImportContext ic = ns.importContexts.get(0);
    assertThat(ic.distributed().path("recordType").asText()).isEqualTo("salesorder");
    // the engine does not map: the NetSuite side does, with the distributed mapping
    assertThat(ns.received).extracting(r -> r.path("country").asText())
        .containsExactlyInAnyOrder("USA", "UK");
    assertThat(ns.received).allSatisfy(r -> assertThat(r.has("currency")).isFalse());
    // maxAttempts 1 of the distributed document: one job error with retry data
    List<JobError> errors = integrator.jobErrors().list().stream()
        .filter(e -> !job.id().equals(e.jobId())).toList();
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("INVALID_FLD_VALUE");
      assertThat(e.retryId()).isNotNull();
    });
  }

  @Test
  void aDistributedImportWithoutItsDocumentFailsTheRunWithAClearError() {
    integrator.exports().create("""
        {"_id": "exp", "name": "E", "_connectionId": "ns", "netsuite": {"type": "restlet"}}""");
    distributedImport(false);
    integrator.flows().create("""
        {"_id": "f", "name": "F", "pageGenerators": [{"_exportId": "exp"}],
         "pageProcessors": [{"type": "import", "_importId": "imp"}]}""");

    Job job = integrator.runFlow("f");

    assertThat(job.status()).isEqualTo("failed");
    assertThat(integrator.jobErrors().list()).anySatisfy(e -> {
      assertThat(e.code()).isEqualTo("missing_distributed");
      assertThat(e.message()).contains("imports/imp/distributed");
    });
    assertThat(ns.exportContexts.isEmpty() || ns.exportContexts.get(0).distributed().isEmpty())
        .isTrue();
  }

  @Test
  void recordsPushedForADistributedExportRunItsFlows() throws Exception {
    integrator.exports().create("""
        {"_id": "rt", "name": "Realtime", "_connectionId": "ns", "type": "distributed",
         "distributed": {"bearerToken": "push-token"}}""");
    distributedImport(true);
    integrator.flows().create("""
        {"_id": "f", "name": "F", "pageGenerators": [{"_exportId": "rt"}],
         "pageProcessors": [{"type": "import", "_importId": "imp"}]}""");
    assertThat(integrator.webhooks().webhookExport("rt")).isEmpty();
    assertThat(integrator.webhooks().distributedExport("rt").orElseThrow()
        .path("distributed").path("bearerToken").asText()).isEqualTo("push-token");

    integrator.webhooks().accept("rt", List.of(
        JSON.createObjectNode().put("id", "a"), JSON.createObjectNode().put("id", "c")));

    Job job = pushedRuns.poll(30, TimeUnit.SECONDS);
    assertThat(job).isNotNull();
    assertThat(job.status()).isEqualTo("completed");
    assertThat(job.numExport()).isEqualTo(2);
    assertThat(job.numSuccess()).isEqualTo(2);
    assertThat(ns.exportContexts).isEmpty(); // nothing was read from the adaptor
  }
}
