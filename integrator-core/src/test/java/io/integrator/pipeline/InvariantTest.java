package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.Job;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.HookItem;
import io.integrator.spi.PostMapHook;
import io.integrator.spi.PreMapHook;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every record handed to an import is counted exactly once, whatever happens to it. */
class InvariantTest {

  @Test
  void everyExportedRecordIsCountedOncePerImportUnderMixedFailuresAndConcurrency() {
    PreMapHook chaotic = req -> {
      // a page whose first record id ends in 13 breaks the contract
      if (req.data().get(0).path("id").asText().endsWith("13")) {
        return List.of();
      }
      List<HookItem> out = new ArrayList<>();
      for (ObjectNode r : req.data()) {
        int n = Integer.parseInt(r.path("id").asText().substring(1));
        out.add(n % 11 == 0 ? HookItem.ignore()
            : n % 13 == 0 ? HookItem.fail(List.of(ErrorItem.of("x", "no")))
            : n % 17 == 0 ? new HookItem(r, List.of(ErrorItem.of("note", "kept")))
            : HookItem.of(r));
      }
      return out;
    };
    PostMapHook throwsOnSeven = req -> {
      if (req.postMapData().stream().anyMatch(r -> r.path("id").asText().equals("r77"))) {
        throw new IllegalStateException("seven");
      }
      return req.postMapData().stream().map(HookItem::of).toList();
    };
    try (EngineFixture f = new EngineFixture(
        b -> b.hook("chaotic", chaotic).hook("seven", throwsOnSeven).pagesInFlight(6).workerThreads(4))) {
      Random random = new Random(42);
      f.source("/s", 1000, (i, r) -> {
        int x = random.nextInt(20);
        if (x == 0) {
          r.put("fail", 422);
        } else if (x == 1) {
          r.put("exists", true);
        } else if (x == 2) {
          r.put("flaky", 1);
        } else if (x == 3) {
          r.put("flaky", 9);
        } else if (x == 4) {
          r.put("failOn", "/b");
        }
      });
      String e = f.export("/s", "\"pageSize\": 13");
      String a = f.importTo("/a", "\"maxAttempts\": 2, \"hooks\": {\"_preMapId\": \"chaotic\"}");
      String b = f.importTo("/b", "\"maxAttempts\": 2, \"hooks\": {\"_postMapId\": \"seven\"}");
      String c = f.importTo("/c", "\"maxAttempts\": 2");
      String flow = f.flow("""
          {"name": "F", "pageGenerators": [{"_exportId": "%s"}], "pageProcessors": [
            {"type": "import", "_importId": "%s", "proceedOnFailure": true},
            {"type": "import", "_importId": "%s"},
            {"type": "import", "_importId": "%s"}]}""".formatted(e, a, b, c));
      Job job = f.integrator.runFlow(flow);
      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numExport()).isEqualTo(1000);
      Job ja = f.child(job, "import", a);
      Job jb = f.child(job, "import", b);
      Job jc = f.child(job, "import", c);
      // a proceeds on failure: b is handed every record
      assertThat(total(ja)).isEqualTo(1000);
      assertThat(total(jb)).isEqualTo(1000);
      // c is handed what b did not fail
      assertThat(total(jc)).isEqualTo(jb.numSuccess() + jb.numIgnore());
      assertThat(job.numSuccess() + job.numIgnore() + job.numError())
          .isEqualTo(total(ja) + total(jb) + total(jc));
      assertThat(ja.numError()).isPositive();
      assertThat(ja.numIgnore()).isPositive();
      // one retriable row at least per failed record
      for (Job j : List.of(ja, jb, jc)) {
        long failedRecords = f.errors(j.id()).stream().filter(x -> x.retryId() != null)
            .map(x -> x.retryId()).distinct().count();
        assertThat(failedRecords).isEqualTo(j.numError());
      }
    }
  }

  private static int total(Job j) {
    return j.numSuccess() + j.numIgnore() + j.numError();
  }
}
