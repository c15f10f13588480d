package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.spi.HookItem;
import io.integrator.spi.PreMapHook;
import io.integrator.spi.PreSavePageHook;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@code Integrator.Builder.hookTimeout}: a hook call that takes too long fails like a throw. */
class HookTimeoutTest {

  @Test
  void aPreMapCallOverTheLimitFailsItsPageWithRetryDataAndTheRunGoesOn() throws Exception {
    AtomicBoolean stuckOnce = new AtomicBoolean(true);
    CountDownLatch interrupted = new CountDownLatch(1);
    PreMapHook slow = req -> {
      boolean hasR2 = req.data().stream().anyMatch(r -> r.path("id").asText().equals("r2"));
      if (hasR2 && stuckOnce.getAndSet(false)) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          interrupted.countDown();
          Thread.currentThread().interrupt();
        }
      }
      return req.data().stream().map(HookItem::of).toList();
    };
    try (EngineFixture f = new EngineFixture(
        b -> b.hook("slow", slow).hookTimeout(Duration.ofMillis(300)))) {
      f.source("/s", 6, (i, r) -> {});
      String imp = f.importTo("/d", "\"hooks\": {\"_preMapId\": \"slow\"}");
      long t0 = System.nanoTime();
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", "\"pageSize\": 2"), imp));
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
      assertThat(job.status()).isEqualTo("completed");
      assertThat(List.of(job.numSuccess(), job.numError())).containsExactly(4, 2);
      assertThat(job.json().path("retriable").asBoolean()).isTrue();
      List<JobError> errs = f.errors(f.child(job, "import", imp).id());
      assertThat(errs).hasSize(2).allSatisfy(e -> {
        assertThat(e.code()).isEqualTo("hook_timeout");
        assertThat(e.source()).isEqualTo("pre_map_hook");
        assertThat(e.message()).contains("preMap hook 'slow'").contains("300 ms")
            .contains("hookTimeout");
        assertThat(e.json().path("_retryId").isTextual()).isTrue();
      });
      assertThat(errs).extracting(e -> e.json().path("traceKey").asText())
          .containsExactlyInAnyOrder("r2", "r3");
      assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(f.mem.received.get("/d")).hasSize(4);

      // the kept retry data lets the page through once the hook answers in time
      Job retry = f.integrator.retry(job.id());
      assertThat(retry.numSuccess()).isEqualTo(2);
      assertThat(f.mem.received.get("/d")).hasSize(6);
    }
  }

  @Test
  void aPreSavePageCallOverTheLimitFailsTheRunLikeAThrow() {
    PreSavePageHook stuck = req -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return PreSavePageHook.Response.of(req.data());
    };
    try (EngineFixture f = new EngineFixture(
        b -> b.hook("stuck", stuck).hookTimeout(Duration.ofMillis(200)))) {
      f.source("/s", 2, (i, r) -> {});
      String exp = f.export("/s", "\"hooks\": {\"_preSavePageId\": \"stuck\"}");
      Job job = f.integrator.runFlow(f.simpleFlow(exp, f.importTo("/d", "")));
      assertThat(job.status()).isEqualTo("failed");
      assertThat(f.errors(f.child(job, "export", exp).id())).singleElement().satisfies(e -> {
        assertThat(e.code()).isEqualTo("hook_timeout");
        assertThat(e.source()).isEqualTo("pre_save_page_hook");
      });
      assertThat(f.mem.received.get("/d")).isNullOrEmpty();
    }
  }

  @Test
  void theLimitMustBePositive() {
    assertThatThrownBy(() -> Integrator.builder().hookTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hookTimeout");
  }
}
