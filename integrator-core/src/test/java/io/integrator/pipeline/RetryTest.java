package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryTest {

  @Test
  void transientFailuresAreRetriedUpToMaxAttemptsThenBecomeJobErrors() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 6, (i, r) -> {
        if (i == 0) {
          r.put("flaky", 2); // fails twice, succeeds on the third attempt
        }
        if (i == 1) {
          r.put("flaky", 5); // still failing after three attempts
        }
        if (i == 2) {
          r.put("throttle", 4); // throttled 4 times: waits do not use attempts
        }
      });
      String imp = f.importTo("/d", "\"maxAttempts\": 3");
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), imp));
      assertThat(List.of(job.numSuccess(), job.numError())).containsExactly(5, 1);
      assertThat(f.mem.attempts.get("r0").get()).isEqualTo(3);
      assertThat(f.mem.attempts.get("r1").get()).isEqualTo(3);
      assertThat(f.mem.attempts.get("r2").get()).isEqualTo(5);
      JobError err = f.errors(f.child(job, "import", imp).id()).get(0);
      assertThat(err.code()).isEqualTo("503");
      assertThat(err.classification()).isEqualTo("intermittent");
      assertThat(err.traceKey()).isEqualTo("r1");
    }
  }

  @Test
  void aThrottleAskingForMoreThanTheCapFailsTheRecordAtOnceAsRateLimit() {
    try (EngineFixture f = new EngineFixture()) { // the fixture caps server waits at 50 ms
      f.source("/s", 3, (i, r) -> {
        if (i == 1) {
          r.put("throttleFor", 60_000);
        }
      });
      String imp = f.importTo("/d", "\"maxAttempts\": 3");
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), imp));
      assertThat(List.of(job.numSuccess(), job.numError())).containsExactly(2, 1);
      assertThat(f.mem.attempts.get("r1").get()).isEqualTo(1);
      JobError err = f.errors(f.child(job, "import", imp).id()).get(0);
      assertThat(err.classification()).isEqualTo("rate_limit");
      assertThat(err.traceKey()).isEqualTo("r1");
      assertThat(err.code()).isEqualTo("429");
      assertThat(err.message()).isEqualTo("come back later; the destination asked to wait 60 s"
          + " before the next request, longer than the 50 ms the engine waits; retry the record later");
    }
  }

  @Test
  void aWholeBatchFailingTransientlyIsSubmittedAgainThenRecordedPerRecord() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 4, (i, r) -> {});
      f.mem.batchFailures.set(2);
      Job ok = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""),
          f.importTo("/d", "\"maxAttempts\": 3")));
      assertThat(ok.numSuccess()).isEqualTo(4);

      f.mem.batchFailures.set(10);
      String imp = f.importTo("/d2", "\"maxAttempts\": 2");
      Job failed = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), imp));
      assertThat(failed.status()).isEqualTo("completed");
      assertThat(failed.numError()).isEqualTo(4);
      assertThat(f.errors(f.child(failed, "import", imp).id())).hasSize(4).allSatisfy(e -> {
        assertThat(e.code()).isEqualTo("503");
        assertThat(e.message()).isEqualTo("gateway down");
        assertThat(e.classification()).isEqualTo("intermittent");
        assertThat(e.retryId()).isNotNull();
      });
      assertThat(f.mem.batchFailures.get()).isEqualTo(8); // two attempts were made
      f.mem.batchFailures.set(0);
    }
  }

  @Test
  void retryRerunsFailedRecordsWithEditedDataAsARetryJobAndRollsUp() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 10, (i, r) -> {
        if (i < 3) {
          r.put("fail", 422);
        }
      });
      String imp = f.importTo("/d", "");
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), imp));
      Job importJob = f.child(job, "import", imp);
      assertThat(importJob.numError()).isEqualTo(3);
      List<JobError> errors = f.errors(importJob.id());

      // fix one record's data, retry only that error
      JobError r0 = errors.stream().filter(e -> "r0".equals(e.traceKey())).findFirst().orElseThrow();
      ObjectNode data = (ObjectNode) f.integrator.retryData(r0.retryId()).orElseThrow().get("record");
      data.remove("fail");
      f.integrator.editRetryData(r0.retryId(), data);
      Job retry = f.integrator.retry(job.id(), List.of(r0.id()));
      assertThat(retry.type()).isEqualTo("retry");
      assertThat(retry.retryOfJobId()).isEqualTo(job.id());
      assertThat(retry.status()).isEqualTo("completed");
      assertThat(retry.numSuccess()).isEqualTo(1);

      JobError after = f.integrator.jobErrors().get(r0.id());
      assertThat(after.isResolved()).isTrue();
      assertThat(after.isRetried()).isTrue();
      assertThat(f.integrator.jobs().get(importJob.id()).numError()).isEqualTo(2);
      assertThat(f.integrator.jobs().get(importJob.id()).numSuccess()).isEqualTo(8);
      assertThat(f.integrator.jobs().get(job.id()).numError()).isEqualTo(2);

      // resolved errors are not retried again
      assertThatThrownBy(() -> f.integrator.retry(job.id(), List.of(r0.id())))
          .isInstanceOf(FlowRunException.class).hasMessageContaining("cannot be retried");

      // retrying the rest: they fail again, stay open with retry: true, new rows on the retry job
      Job again = f.integrator.retry(job.id());
      assertThat(again.numError()).isEqualTo(2);
      assertThat(f.errors(again.id())).hasSize(2).allSatisfy(e -> assertThat(e.retryId()).isNull());
      assertThat(f.errors(importJob.id())).filteredOn(e -> !e.isResolved())
          .hasSize(2).allSatisfy(e -> assertThat(e.isRetried()).isTrue());
      assertThat(f.integrator.jobs().get(job.id()).isRetriable()).isTrue();
      assertThat(f.mem.received.get("/d")).hasSize(8);
    }
  }

  @Test
  void skipRetriesStoresErrorsWithoutRetryData() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 3, (i, r) -> r.put("fail", 400));
      String flow = f.flow("""
          {"name": "F", "skipRetries": true, "pageGenerators": [{"_exportId": "%s"}],
           "pageProcessors": [{"type": "import", "_importId": "%s"}]}"""
          .formatted(f.export("/s", ""), f.importTo("/d", "")));
      Job job = f.integrator.runFlow(flow);
      assertThat(job.numError()).isEqualTo(3);
      assertThat(job.isRetriable()).isFalse();
      assertThatThrownBy(() -> f.integrator.retry(job.id()))
          .isInstanceOf(FlowRunException.class).hasMessageContaining("no unresolved errors");
    }
  }

  @Test
  void theSameErrorsCannotBeRetriedTwiceAtOnce() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 2, (i, r) -> r.put("flaky", i == 0 ? 9 : 0));
      String imp = f.importTo("/d", "\"maxAttempts\": 1");
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), imp));
      assertThat(job.numError()).isEqualTo(1);
      java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
      f.mem.writeGate = gate;
      FlowRunHandle first = f.integrator.retryAsync(job.id(), null);
      assertThatThrownBy(() -> f.integrator.retry(job.id()))
          .isInstanceOf(FlowRunException.class)
          .satisfies(e -> assertThat(((FlowRunException) e).code()).isEqualTo("retry_running"));
      gate.countDown();
      Job done = first.await();
      assertThat(done.status()).isEqualTo("completed");
      assertThat(done.numError()).isEqualTo(1);
      f.mem.writeGate = null;
    }
  }

  @Test
  void aHookThatOverflowsTheStackFailsItsPageNotTheRun() {
    io.integrator.spi.PreMapHook deep = new io.integrator.spi.PreMapHook() {
      @Override
      public List<io.integrator.spi.HookItem> preMap(Request r) {
        return preMap(r);
      }
    };
    try (EngineFixture f = new EngineFixture(b -> b.hook("deep", deep))) {
      f.source("/s", 3, (i, r) -> {});
      String imp = f.importTo("/d", "\"hooks\": {\"_preMapId\": \"deep\"}");
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), imp));
      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numError()).isEqualTo(3);
      assertThat(f.errors(f.child(job, "import", imp).id()))
          .allSatisfy(e -> assertThat(e.message()).contains("StackOverflowError"));
    }
  }
}
