package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.HookItem;
import io.integrator.spi.PreMapHook;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowRunTest {

  @Test
  void simpleFlowCountsEveryRecordExactlyOnceAndStoresErrorsWithRetryData() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/customers", 45, (i, r) -> {
        if (i % 10 == 3) {
          r.put("fail", 422);
        }
        if (i % 10 == 7) {
          r.put("exists", true);
        }
      });
      String e = f.export("/customers", "\"pageSize\": 10");
      String imp = f.importTo("/contacts", "");
      Job job = f.integrator.runFlow(f.simpleFlow(e, imp));

      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.type()).isEqualTo("flow");
      assertThat(job.numExport()).isEqualTo(45);
      assertThat(job.numPagesGenerated()).isEqualTo(5);
      assertThat(job.numPagesProcessed()).isEqualTo(5);
      assertThat(job.numError()).isEqualTo(5);
      assertThat(job.numIgnore()).isEqualTo(4);
      assertThat(job.numSuccess()).isEqualTo(36);
      assertThat(job.json().path("startedAt").asText()).isNotEmpty();
      assertThat(job.json().path("endedAt").asText()).isNotEmpty();
      assertThat(job.isRetriable()).isTrue();

      Job importJob = f.child(job, "import", imp);
      assertThat(importJob.status()).isEqualTo("completed");
      assertThat(importJob.numSuccess() + importJob.numIgnore() + importJob.numError())
          .isEqualTo(45);
      assertThat(f.child(job, "export", e).numExport()).isEqualTo(45);
      assertThat(f.mem.received.get("/contacts")).hasSize(36);

      List<JobError> errors = f.errors(importJob.id());
      assertThat(errors).hasSize(5);
      JobError first = errors.stream().filter(x -> "r3".equals(x.traceKey())).findFirst().orElseThrow();
      assertThat(first.code()).isEqualTo("422");
      assertThat(first.source()).isEqualTo("application");
      assertThat(first.classification()).isEqualTo("value");
      assertThat(first.isResolved()).isFalse();
      ObjectNode retry = f.integrator.retryData(first.retryId()).orElseThrow();
      assertThat(retry.path("record").path("id").asText()).isEqualTo("r3");
      assertThat(retry.path("_importId").asText()).isEqualTo(imp);
    }
  }

  @Test
  void severalImportsWithProceedOnFailureAndResponseMapping() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/customers", 20, (i, r) -> {
        if (i < 4) {
          r.put("fail", 400);
        } else if (i < 8) {
          r.put("failOn", "/b");
        }
      });
      String e = f.export("/customers", "\"pageSize\": 7");
      String a = f.importTo("/a", "");
      String b = f.importTo("/b", "");
      String c = f.importTo("/c", "");
      String flow = f.flow("""
          {"name": "F", "pageGenerators": [{"_exportId": "%s"}], "pageProcessors": [
            {"type": "import", "_importId": "%s",
             "responseMapping": {"fields": [{"extract": "id", "generate": "destId"}]}},
            {"type": "import", "_importId": "%s", "proceedOnFailure": true},
            {"type": "import", "_importId": "%s"}]}""".formatted(e, a, b, c));
      Job job = f.integrator.runFlow(flow);
      assertThat(job.status()).isEqualTo("completed");

      Job ja = f.child(job, "import", a);
      Job jb = f.child(job, "import", b);
      Job jc = f.child(job, "import", c);
      assertThat(ja.json().path("oIndex").asInt()).isEqualTo(0);
      assertThat(jc.json().path("oIndex").asInt()).isEqualTo(2);
      // a: 4 fail, 16 succeed; failed records do not reach b
      assertThat(List.of(ja.numSuccess(), ja.numError(), ja.numIgnore())).containsExactly(16, 4, 0);
      assertThat(List.of(jb.numSuccess(), jb.numError())).containsExactly(12, 4);
      // b proceeds on failure: c gets all 16 records b was given, including the 4 b refused
      assertThat(List.of(jc.numSuccess(), jc.numError())).containsExactly(16, 0);
      assertThat(job.numSuccess()).isEqualTo(16 + 12 + 16);
      assertThat(job.numError()).isEqualTo(4 + 4);
      // response mapping put a's destination id into the record b received
      assertThat(f.mem.received.get("/b")).allSatisfy(
          r -> assertThat(r.path("destId").asText()).isEqualTo("d-" + r.path("id").asText()));
    }
  }

  @Test
  void preMapItemsIgnoreFailAndAnnotateRecords() {
    PreMapHook hook = req -> {
      List<HookItem> out = new ArrayList<>();
      for (ObjectNode r : req.data()) {
        int n = Integer.parseInt(r.path("id").asText().substring(1));
        if (n % 5 == 0) {
          out.add(HookItem.ignore());
        } else if (n % 5 == 1) {
          out.add(HookItem.fail(List.of(new ErrorItem("bad_name", "name rejected", "my-hook"))));
        } else if (n % 5 == 2) {
          out.add(new HookItem(r.put("name", "changed"),
              List.of(ErrorItem.of("note", "just a note"))));
        } else {
          out.add(HookItem.of(r));
        }
      }
      return out;
    };
    try (EngineFixture f = new EngineFixture(b -> b.hook("screen", hook))) {
      f.source("/s", 10, (i, r) -> {});
      String e = f.export("/s", "\"pageSize\": 4");
      String imp = f.importTo("/d", "\"hooks\": {\"_preMapId\": \"screen\"}");
      Job job = f.integrator.runFlow(f.simpleFlow(e, imp));
      Job ij = f.child(job, "import", imp);
      assertThat(List.of(ij.numSuccess(), ij.numIgnore(), ij.numError()))
          .containsExactly(6, 2, 2);
      List<JobError> errors = f.errors(ij.id());
      assertThat(errors).hasSize(4);
      assertThat(errors).filteredOn(x -> x.code().equals("bad_name"))
          .allSatisfy(x -> {
            assertThat(x.source()).isEqualTo("pre_map_hook");
            assertThat(x.retryId()).isNotNull();
          });
      assertThat(errors).filteredOn(x -> x.code().equals("note"))
          .allSatisfy(x -> assertThat(x.retryId()).isNull());
      assertThat(f.mem.received.get("/d")).filteredOn(r -> r.path("name").asText().equals("changed"))
          .hasSize(2);
    }
  }

  @Test
  void aHookBreakingItsContractFailsOnlyThatPageInThatImport() {
    PreMapHook shortAnswer = req -> req.data().stream().anyMatch(r -> r.path("id").asText().equals("r4"))
        ? List.of(HookItem.ignore())
        : req.data().stream().map(HookItem::of).toList();
    try (EngineFixture f = new EngineFixture(b -> b.hook("short", shortAnswer))) {
      f.source("/s", 12, (i, r) -> {});
      String e = f.export("/s", "\"pageSize\": 4");
      String imp = f.importTo("/d", "\"hooks\": {\"_preMapId\": \"short\"}");
      Job job = f.integrator.runFlow(f.simpleFlow(e, imp));
      assertThat(job.status()).isEqualTo("completed");
      Job ij = f.child(job, "import", imp);
      assertThat(List.of(ij.numSuccess(), ij.numError())).containsExactly(8, 4);
      List<JobError> errors = f.errors(ij.id());
      assertThat(errors).hasSize(4).allSatisfy(x -> {
        assertThat(x.source()).isEqualTo("pre_map_hook");
        assertThat(x.code()).isEqualTo("hook_contract");
        assertThat(x.message()).contains("'short'").contains("returned 1 items for 4 records");
        assertThat(x.retryId()).isNotNull();
      });
    }
  }

  @Test
  void aMissingHookOrAdaptorFailsTheRunWithAClearError() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 3, (i, r) -> {});
      String e = f.export("/s", "");
      String imp = f.importTo("/d", "\"hooks\": {\"_postMapId\": \"nobody\"}");
      Job job = f.integrator.runFlow(f.simpleFlow(e, imp));
      assertThat(job.status()).isEqualTo("failed");
      assertThat(f.errors(job.id())).singleElement().satisfies(x -> {
        assertThat(x.code()).isEqualTo("missing_hook");
        assertThat(x.message()).contains("hooks._postMapId").contains("'nobody'");
      });
    }
  }

  @Test
  void oneRunningJobPerFlowAndCancelStopsAfterThePageInHand() throws Exception {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 100, (i, r) -> {});
      String flow = f.simpleFlow(f.export("/s", "\"pageSize\": 5, \"type\": \"delta\""),
          f.importTo("/d", ""));
      java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
      f.mem.readGate = gate;
      FlowRunHandle h = f.integrator.runFlowAsync(flow);
      FlowRunHandle next = f.integrator.runFlowAsync(flow);
      assertThat(next.jobId()).isNotEqualTo(h.jobId());
      assertThat(f.integrator.jobs().get(next.jobId()).status()).isEqualTo("queued");
      assertThat(f.integrator.cancelJob(next.jobId())).isTrue(); // a queued run never starts
      assertThat(next.await().status()).isEqualTo("canceled");
      assertThat(f.integrator.cancelJob("no-such-job")).isFalse();
      assertThat(f.integrator.cancelJob(h.jobId())).isTrue();
      // "canceled" already when the run saw the cancel before asking for its first page
      assertThat(f.integrator.jobs().get(h.jobId()).status()).isIn("canceling", "canceled");
      gate.countDown();
      Job job = h.await();
      assertThat(job.status()).isEqualTo("canceled");
      assertThat(job.numPagesGenerated()).isLessThanOrEqualTo(1);
      assertThat(job.numSuccess() + job.numError() + job.numIgnore()).isEqualTo(job.numExport());
      assertThat(f.integrator.deltaWatermark(flow, job.json().path("_flowId").asText())).isEmpty();
      f.mem.readGate = null;
      assertThat(f.integrator.runFlow(flow).status()).isEqualTo("completed");
    }
  }

  /** A flow of 10 records whose first run is held at its first page read, and a queued run. */
  private record HeldRun(String flow, FlowRunHandle first, FlowRunHandle queued,
      java.util.concurrent.CountDownLatch gate) {
    static HeldRun start(EngineFixture f) {
      f.source("/s", 10, (i, r) -> {});
      String flow = f.simpleFlow(f.export("/s", "\"pageSize\": 5"), f.importTo("/d", ""));
      java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
      f.mem.readGate = gate;
      return new HeldRun(flow, f.integrator.runFlowAsync(flow), f.integrator.runFlowAsync(flow),
          gate);
    }

    void release(EngineFixture f) {
      gate.countDown();
      f.mem.readGate = null;
    }
  }

  @Test
  void aTriggerWhileRunningQueuesOneRunAndLaterTriggersMergeIntoIt() {
    try (EngineFixture f = new EngineFixture()) {
      HeldRun run = HeldRun.start(f);
      assertThat(f.integrator.runFlowAsync(run.flow())).isSameAs(run.queued());
      assertThat(f.integrator.jobs().get(run.queued().jobId()).status()).isEqualTo("queued");
      run.release(f);
      assertThat(run.first().await().status()).isEqualTo("completed");
      Job second = run.queued().await();
      assertThat(second.status()).isEqualTo("completed");
      assertThat(second.numSuccess()).isEqualTo(10);
      assertThat(f.integrator.jobs().list().stream().filter(j -> "flow".equals(j.type())))
          .hasSize(2);
    }
  }

  @Test
  void aQueuedRunWhoseFlowWasDisabledMeanwhileEndsFailedWithTheReason() {
    try (EngineFixture f = new EngineFixture()) {
      HeldRun run = HeldRun.start(f);
      com.fasterxml.jackson.databind.node.ObjectNode doc =
          f.integrator.flows().get(run.flow()).json();
      doc.put("disabled", true);
      f.integrator.flows().update(run.flow(),
          io.integrator.model.Resources.of(io.integrator.model.Flow.class, doc));
      run.release(f);
      run.first().await();
      Job second = run.queued().await();
      assertThat(second.status()).isEqualTo("failed");
      assertThat(f.errors(second.id())).singleElement()
          .satisfies(e -> assertThat(e.code()).isEqualTo("flow_disabled"));
    }
  }

  @Test
  void pagesArePulledOnlyAsFastAsImportsTakeThemWithinConcurrencyLimits() {
    try (EngineFixture f = new EngineFixture(b -> b.pagesInFlight(3).workerThreads(6))) {
      f.mem.submitMillis = 5;
      f.source("/s", 200, (i, r) -> {});
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", "\"pageSize\": 5"),
          f.importTo("/d", "")));
      assertThat(job.numSuccess()).isEqualTo(200);
      assertThat(job.numPagesProcessed()).isEqualTo(40);
      // the reader never ran more than pagesInFlight pages ahead of the imports
      assertThat(f.mem.maxAhead.get()).isLessThanOrEqualTo(3);
      // the connection's concurrencyLevel (2) caps simultaneous submissions
      assertThat(f.mem.maxConcurrent.get()).isBetween(1, 2);
    }
  }

  @Test
  void lookupsAreResolvedPerPageAndCachedForTheJob() {
    // one page at a time: with pages in flight together both could miss the cache at once
    try (EngineFixture f = new EngineFixture(b -> b.pagesInFlight(1))) {
      String[] cities = {"oslo", "lima", "oslo", "unknown", "lima", "rome"};
      f.source("/s", 12, (i, r) -> r.put("city", cities[i % cities.length]));
      String imp = f.integrator.imports().create("""
          {"name": "I", "_connectionId": "%s",
           "rest": {"relativeURI": "/d", "method": "POST",
                    "lookups": [{"name": "city", "relativeURI": "/cities?q={{city}}", "extract": "code"}]},
           "mapping": {"fields": [{"extract": "id", "generate": "id"},
                                  {"extract": "city", "generate": "code", "lookupName": "city"}]}}"""
          .formatted(f.connectionId)).id();
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", "\"pageSize\": 6"), imp));
      Job ij = f.child(job, "import", imp);
      assertThat(List.of(ij.numSuccess(), ij.numError())).containsExactly(10, 2);
      // 4 distinct cities asked once in the job: the second page hits the job cache
      assertThat(f.mem.lookupQuestions.get()).isEqualTo(4);
      assertThat(f.mem.received.get("/d")).extracting(r -> r.path("code").asText())
          .contains("OSLO", "LIMA", "ROME");
      assertThat(f.errors(ij.id())).hasSize(2).allSatisfy(e -> {
        assertThat(e.source()).isEqualTo("lookup");
        assertThat(e.classification()).isEqualTo("missing");
      });
    }
  }

  @Test
  void preserveOrderDeliversPagesInExportOrder() {
    try (EngineFixture f = new EngineFixture(b -> b.pagesInFlight(8).workerThreads(4))) {
      f.source("/s", 40, (i, r) -> {});
      f.mem.submitMillis = 2;
      f.integrator.runFlow(f.simpleFlow(f.export("/s", "\"pageSize\": 3, \"preserveOrder\": true"),
          f.importTo("/d", "")));
      assertThat(f.mem.received.get("/d")).extracting(r -> r.path("id").asText())
          .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).mapToObj(i -> "r" + i).toList());
      assertThat(f.mem.maxAhead.get()).isEqualTo(1);
    }
  }

  @Test
  void closingTheIntegratorCancelsARunningFlowAndWaitsForIt() {
    EngineFixture f = new EngineFixture();
    f.source("/s", 50, (i, r) -> {});
    f.mem.submitMillis = 20;
    FlowRunHandle h = f.integrator.runFlowAsync(
        f.simpleFlow(f.export("/s", "\"pageSize\": 2"), f.importTo("/d", "")));
    f.close();
    Job job = h.await();
    assertThat(job.status()).isEqualTo("canceled");
    assertThat(job.numSuccess() + job.numError() + job.numIgnore()).isEqualTo(job.numExport());
  }
}
