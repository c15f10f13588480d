package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.spi.AggregateResult;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.PostAggregateHook;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PostAggregateTest {

  @Test
  void theHookSeesEveryAggregateTheWriterCompletedAfterTheLastPage() {
    List<ObjectNode> seen = new CopyOnWriteArrayList<>();
    PostAggregateHook notify = req -> seen.add(req.postAggregateData());
    try (EngineFixture f = new EngineFixture(b -> b.hook("notify", notify))) {
      f.mem.aggregates = List.of(
          AggregateResult.written("orders-1.csv"),
          AggregateResult.failed("orders-2.csv", ErrorItem.of("550", "disk full")));
      f.source("/s", 25, (i, r) -> {});
      String imp = f.importTo("/d", "\"hooks\": {\"_postAggregateId\": \"notify\"}");
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), imp));

      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numSuccess()).isEqualTo(25);
      assertThat(f.mem.finishes.get()).isEqualTo(1);
      assertThat(seen).extracting(ObjectNode::toString).containsExactly(
          "{\"success\":true,\"_json\":{\"name\":\"orders-1.csv\"}}",
          "{\"success\":false,\"_json\":{\"name\":\"orders-2.csv\"},\"code\":\"550\",\"message\":\"disk full\"}");
      assertThat(f.errors(f.child(job, "import", imp).id()))
          .singleElement()
          .satisfies(e -> {
            assertThat(e.code()).isEqualTo("550");
            assertThat(e.classification()).isEqualTo("connection");
            assertThat(e.message()).contains("orders-2.csv", "disk full");
          });
    }
  }

  @Test
  void aThrowingHookIsOneJobErrorAndTheRunStillCompletes() {
    PostAggregateHook boom = req -> {
      throw new IllegalStateException("mail server down");
    };
    try (EngineFixture f = new EngineFixture(b -> b.hook("boom", boom))) {
      f.mem.aggregates = List.of(AggregateResult.written("a.csv"));
      f.source("/s", 3, (i, r) -> {});
      String imp = f.importTo("/d", "\"hooks\": {\"_postAggregateId\": \"boom\"}");
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), imp));

      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numSuccess()).isEqualTo(3);
      assertThat(f.errors(f.child(job, "import", imp).id()))
          .extracting(JobError::source, e -> e.message().contains("mail server down"))
          .containsExactly(org.assertj.core.groups.Tuple.tuple("post_aggregate_hook", true));
    }
  }

  @Test
  void aFailedRunDoesNotCompleteAggregates() {
    try (EngineFixture f = new EngineFixture(b -> {})) {
      f.mem.failReadAtPage = 1;
      f.source("/s", 60, (i, r) -> {});
      String imp = f.importTo("/d", "");
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), imp));

      assertThat(job.status()).isEqualTo("failed");
      assertThat(f.mem.finishes.get()).isZero();
    }
  }
}
