package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.SubmitResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** A page's steps run on the workers, never on the thread that hands the page in (the reader's). */
class ImportPipelineThreadTest {

  @Test
  void stepsNeverRunOnTheCallingThreadEvenWhenAWorkerIsFasterThanTheCaller() throws Exception {
    // a worker that finishes its task before execute() returns: the case where the old
    // runAsync(() -> {}) start was already complete when the steps were chained to it
    Executor eager =
        task -> {
          Thread t = new Thread(task, "worker");
          t.start();
          try {
            t.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    Set<Thread> stepThreads = ConcurrentHashMap.newKeySet();
    Step step =
        new Step() {
          @Override
          public CompletableFuture<Void> apply(PageWork work) {
            stepThreads.add(Thread.currentThread());
            return CompletableFuture.completedFuture(null);
          }

          @Override
          public String source() {
            return "mapping";
          }
        };
    ImportPipeline pipeline =
        new ImportPipeline(
            "i1",
            List.of(step, step, step),
            records -> records.stream().map(r -> SubmitResult.success(null, null)).toList(),
            eager,
            null,
            null);
    ObjectNode record = JsonNodeFactory.instance.objectNode().put("id", "1");

    List<RecordOutcome> outcomes = pipeline.process(List.of(record)).get();

    assertThat(outcomes).hasSize(1);
    assertThat(stepThreads).isNotEmpty().doesNotContain(Thread.currentThread());
  }
}
