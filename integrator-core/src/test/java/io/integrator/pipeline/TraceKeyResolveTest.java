package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrator.model.Job;
import io.integrator.model.JobError;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A later successful run of a record resolves its older open errors (same flow and import). */
class TraceKeyResolveTest {

  private static Map<String, Boolean> resolvedByKey(EngineFixture f, String jobId) {
    return f.errors(jobId).stream()
        .collect(Collectors.toMap(JobError::traceKey, JobError::isResolved));
  }

  @Test
  void aLaterSuccessResolvesOlderErrorsWithTheSameTraceKey() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 4, (i, r) -> {
        if (i == 1 || i == 2) {
          r.put("fail", 422);
        }
      });
      String imp = f.importTo("/d", "");
      String flow = f.simpleFlow(f.export("/s", ""), imp);
      Job first = f.integrator.runFlow(flow);
      String firstImportJob = f.child(first, "import", imp).id();
      assertThat(resolvedByKey(f, firstImportJob)).isEqualTo(Map.of("r1", false, "r2", false));

      // r1 fixed at the source; r2 still refused
      f.source("/s", 4, (i, r) -> {
        if (i == 2) {
          r.put("fail", 422);
        }
      });
      Job second = f.integrator.runFlow(flow);
      assertThat(second.numError()).isEqualTo(1);
      assertThat(resolvedByKey(f, firstImportJob)).isEqualTo(Map.of("r1", true, "r2", false));
      assertThat(f.integrator.jobs().get(first.id()).json().path("retriable").asBoolean())
          .isTrue();
      String secondImportJob = f.child(second, "import", imp).id();
      assertThat(resolvedByKey(f, secondImportJob)).isEqualTo(Map.of("r2", false));

      // r2 fixed too: its rows in both earlier runs are resolved
      f.source("/s", 4, (i, r) -> {});
      Job third = f.integrator.runFlow(flow);
      assertThat(third.numSuccess()).isEqualTo(4);
      assertThat(resolvedByKey(f, firstImportJob)).isEqualTo(Map.of("r1", true, "r2", true));
      assertThat(resolvedByKey(f, secondImportJob)).isEqualTo(Map.of("r2", true));
      Job firstNow = f.integrator.jobs().get(first.id());
      assertThat(firstNow.json().path("retriable").asBoolean()).isFalse();
      assertThat(f.integrator.jobs().get(firstImportJob).json().path("retriable").asBoolean())
          .isFalse();
      // counters of the earlier runs do not move: each record counted once, where it happened
      assertThat(List.of(firstNow.numSuccess(), firstNow.numError())).containsExactly(2, 2);
      assertThatThrownBy(() -> f.integrator.retry(first.id()))
          .isInstanceOf(FlowRunException.class).hasMessageContaining("no unresolved errors");
    }
  }

  @Test
  void otherFlowsIgnoredRecordsAndFailuresLeaveOlderErrorsOpen() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 3, (i, r) -> r.put("fail", 500));
      String imp = f.importTo("/d", "\"maxAttempts\": 1");
      String exp = f.export("/s", "");
      String flowA = f.simpleFlow(exp, imp);
      String flowB = f.simpleFlow(exp, imp);
      Job a1 = f.integrator.runFlow(flowA);
      String a1Import = f.child(a1, "import", imp).id();
      assertThat(f.errors(a1Import)).hasSize(3);

      // r0 succeeds, r1 is ignored (exists), r2 fails again, all in another flow
      f.source("/s", 3, (i, r) -> {
        if (i == 1) {
          r.put("exists", true);
        }
        if (i == 2) {
          r.put("fail", 500);
        }
      });
      f.integrator.runFlow(flowB);
      assertThat(f.errors(a1Import)).noneMatch(JobError::isResolved);

      // the same records through flow A: only the success resolves its older row
      f.integrator.runFlow(flowA);
      assertThat(resolvedByKey(f, a1Import))
          .isEqualTo(Map.of("r0", true, "r1", false, "r2", false));
    }
  }
}
