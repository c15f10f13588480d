package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrator.model.Job;
import io.integrator.spi.ExportContext;
import io.integrator.spi.PreSavePageHook;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExportModesTest {

  @Test
  void deltaCommitsTheWatermarkOnlyWhenTheJobCompletes() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 6, (i, r) -> r.put("updated", "2020-01-0" + (i + 1) + "T00:00:00.000Z"));
      String e = f.export("/s", """
          "type": "delta", "delta": {"dateField": "updated", "lagOffset": 60000}""");
      String flow = f.simpleFlow(e, f.importTo("/d", ""));

      Job first = f.integrator.runFlow(flow);
      assertThat(first.numExport()).isEqualTo(6);
      ExportContext c1 = f.mem.contexts.get(0);
      assertThat(c1.lastExportDateTime()).isEmpty();
      Instant committed = f.integrator.deltaWatermark(flow, e).orElseThrow();
      assertThat(committed).isEqualTo(c1.currentExportDateTime().orElseThrow());

      // nothing changed since: the second run exports nothing; its window starts at the
      // first run's current time minus lagOffset
      Job second = f.integrator.runFlow(flow);
      assertThat(second.numExport()).isZero();
      ExportContext c2 = f.mem.contexts.get(1);
      assertThat(c2.lastExportDateTime()).contains(committed.minusMillis(60000));

      // a failed run keeps the last committed value
      f.mem.failReadAtPage = 0;
      Job failed = f.integrator.runFlow(flow);
      assertThat(failed.status()).isEqualTo("failed");
      assertThat(failed.numPagesGenerated()).isZero();
      Instant afterSecond = f.mem.contexts.get(1).currentExportDateTime().orElseThrow();
      assertThat(f.integrator.deltaWatermark(flow, e)).contains(afterSecond);
      assertThat(f.errors(f.child(failed, "export", e).id())).singleElement()
          .satisfies(x -> assertThat(x.message()).contains("source unavailable"));
    }
  }

  @Test
  void valueDeltaExportsRecordsWhosePendingValueDiffersAndWritesItBackAfterThePage() {
    try (EngineFixture f = new EngineFixture()) {
      // r0-r2 never exported, r3-r5 exported at their current version, r6 has no version
      f.source("/s", 7, (i, r) -> {
        if (i < 6) {
          r.put("version", i < 3 ? 2 : 5);
        }
        if (i >= 3 && i < 6) {
          r.put("syncedVersion", "5");
        }
      });
      String e = f.export("/s", """
          "pageSize": 2,
          "valueDelta": {"pendingField": "version", "exportedField": "syncedVersion"}""");
      String flow = f.simpleFlow(e, f.importTo("/d", ""));
      Job first = f.integrator.runFlow(flow);
      assertThat(first.numExport()).isEqualTo(3);
      assertThat(f.mem.received.get("/d")).extracting(r -> r.path("id").asText())
          .containsExactlyInAnyOrder("r0", "r1", "r2");
      assertThat(f.mem.sources.get("/s").get(0).path("syncedVersion").asInt()).isEqualTo(2);

      assertThat(f.integrator.runFlow(flow).numExport()).isZero();
      f.mem.sources.get("/s").get(4).put("version", 6); // r4 changes
      Job third = f.integrator.runFlow(flow);
      assertThat(third.numExport()).isEqualTo(1);
      assertThat(f.mem.received.get("/d")).hasSize(4)
          .extracting(r -> r.path("id").asText()).endsWith("r4");
    }
  }

  @Test
  void deltaStartDateIsTheFirstLowerBound() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 6, (i, r) -> r.put("updated", "2020-01-0" + (i + 1) + "T00:00:00.000Z"));
      String e = f.export("/s", """
          "type": "delta", "delta": {"dateField": "updated", "startDate": "2020-01-04T00:00:00.000Z"}""");
      Job job = f.integrator.runFlow(f.simpleFlow(e, f.importTo("/d", "")));
      assertThat(job.numExport()).isEqualTo(2);
    }
  }

  @Test
  void preSavePageThrowingFailsTheRunAndAbortStopsPagingWithoutCommit() {
    AtomicInteger calls = new AtomicInteger();
    PreSavePageHook boom = req -> {
      throw new IllegalStateException("bad page " + req.pageIndex());
    };
    PreSavePageHook abortSecond = req -> new PreSavePageHook.Response(req.data(), req.errors(),
        calls.incrementAndGet() == 2);
    try (EngineFixture f = new EngineFixture(b -> b.hook("boom", boom).hook("stop", abortSecond))) {
      f.source("/s", 30, (i, r) -> r.put("updated", "2020-01-01T00:00:00.000Z"));
      String failing = f.export("/s", """
          "pageSize": 10, "type": "delta", "delta": {"dateField": "updated"},
          "hooks": {"_preSavePageId": "boom"}""");
      String flow1 = f.simpleFlow(failing, f.importTo("/d", ""));
      Job failed = f.integrator.runFlow(flow1);
      assertThat(failed.status()).isEqualTo("failed");
      assertThat(failed.numSuccess()).isZero();
      assertThat(f.errors(f.child(failed, "export", failing).id())).singleElement()
          .satisfies(x -> {
            assertThat(x.source()).isEqualTo("pre_save_page_hook");
            assertThat(x.message()).contains("bad page 0");
          });
      assertThat(f.integrator.deltaWatermark(flow1, failing)).isEmpty();

      String aborting = f.export("/s", """
          "pageSize": 10, "type": "delta", "delta": {"dateField": "updated"},
          "hooks": {"_preSavePageId": "stop"}""");
      String flow2 = f.simpleFlow(aborting, f.importTo("/d2", ""));
      Job aborted = f.integrator.runFlow(flow2);
      assertThat(aborted.status()).isEqualTo("completed");
      assertThat(aborted.numPagesGenerated()).isEqualTo(2);
      assertThat(aborted.numSuccess()).isEqualTo(20);
      assertThat(f.integrator.deltaWatermark(flow2, aborting)).isEmpty();
    }
  }

  @Test
  void onceMarksRecordsAfterTheirPageSoTheNextRunSkipsThem() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 12, (i, r) -> {
        r.put("exported", false);
        if (i == 5) {
          r.put("fail", 422);
        }
      });
      String e = f.export("/s", """
          "pageSize": 5, "type": "once", "once": {"booleanField": "exported"}""");
      String flow = f.simpleFlow(e, f.importTo("/d", ""));
      Job first = f.integrator.runFlow(flow);
      assertThat(first.numExport()).isEqualTo(12);
      assertThat(first.numError()).isEqualTo(1);
      // failed records are flagged too: they live on as job errors
      assertThat(f.mem.sources.get("/s")).allSatisfy(
          r -> assertThat(r.path("exported").asBoolean()).isTrue());
      assertThat(f.integrator.runFlow(flow).numExport()).isZero();
    }
  }

  @Test
  void testModeStopsAtTheLimitAndKeepsNoState() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 50, (i, r) -> r.put("exported", false));
      String e = f.export("/s", """
          "pageSize": 4, "type": "test", "test": {"limit": 10}""");
      String flow = f.simpleFlow(e, f.importTo("/d", ""));
      Job job = f.integrator.runFlow(flow);
      assertThat(job.numExport()).isEqualTo(10);
      assertThat(job.numPagesGenerated()).isEqualTo(3);
      assertThat(job.numSuccess()).isEqualTo(10);
      assertThat(f.mem.contexts.get(0).testMode()).isTrue();
      assertThat(f.mem.contexts.get(0).limit()).isEqualTo(10);
      assertThat(f.integrator.deltaWatermark(flow, e)).isEmpty();
    }
  }

  @Test
  void exportSideErrorsReachPreSavePageAndBecomeErrorsOfTheExportJob() {
    java.util.List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    PreSavePageHook count = req -> {
      seen.add(req.errors().size());
      // the returned errors replace the page's: keep them
      return new PreSavePageHook.Response(req.data(), req.errors(), false);
    };
    try (EngineFixture f = new EngineFixture(b -> b.hook("count", count))) {
      f.source("/s", 10, (i, r) -> r.put("broken", i == 2 || i == 7));
      String e = f.export("/s", "\"pageSize\": 5, \"hooks\": {\"_preSavePageId\": \"count\"}");
      Job job = f.integrator.runFlow(f.simpleFlow(e, f.importTo("/d", "")));
      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numExport()).isEqualTo(8);
      assertThat(job.numSuccess()).isEqualTo(8);
      assertThat(seen).containsExactly(1, 1);
      Job exportJob = f.child(job, "export", e);
      assertThat(exportJob.numError()).isEqualTo(2);
      assertThat(f.errors(exportJob.id())).hasSize(2).allSatisfy(x -> {
        assertThat(x.code()).isEqualTo("parse_error");
        assertThat(x.source()).isEqualTo("application");
        assertThat(x.classification()).isEqualTo("parse");
      });
    }
  }
}
