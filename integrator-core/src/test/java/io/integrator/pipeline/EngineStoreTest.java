package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.Job;
import io.integrator.model.ResourceKind;
import io.integrator.store.ResourceStore;
import io.integrator.store.Stores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineStoreTest {

  @Test
  void runsAndRetriesOnTheH2StoreAndHandsAdaptorsRealSecrets(@TempDir Path dir) {
    ResourceStore store = Stores.h2File(dir);
    try (EngineFixture f = new EngineFixture(b -> b.store(store))) {
      f.source("/s", 30, (i, r) -> {
        if (i % 6 == 0) {
          r.put("fail", 422);
        }
      });
      String imp = f.importTo("/d", "");
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", "\"pageSize\": 8"), imp));
      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.json().path("queueTime").asLong(-1)).isGreaterThanOrEqualTo(0);
      assertThat(job.numSuccess() + job.numError()).isEqualTo(30);
      assertThat(job.numError()).isEqualTo(5);
      // reads through the API mask the secret; the adaptor got the real one
      assertThat(f.integrator.connections().get(f.connectionId).json()
          .path("rest").path("bearerToken").asText()).isEqualTo("********");
      assertThat(f.mem.contexts.get(0).connection().path("rest").path("bearerToken").asText())
          .isEqualTo("s3cret-token");

      // fix the destination rule for every failed record, then retry the whole job
      f.integrator.jobErrors().list().forEach(e -> {
        ObjectNode rec = (ObjectNode) f.integrator.retryData(e.retryId()).orElseThrow().get("record");
        rec.remove("fail");
        f.integrator.editRetryData(e.retryId(), rec);
      });
      Job retry = f.integrator.retry(job.id());
      assertThat(retry.numSuccess()).isEqualTo(5);
      Job after = f.integrator.jobs().get(job.id());
      assertThat(after.numError()).isZero();
      assertThat(after.numSuccess()).isEqualTo(30);
      assertThat(after.isRetriable()).isFalse();
    }
  }

  @Test
  void anOfflineConnectionFailsTheRunBeforeAnythingIsRead() {
    ResourceStore store = Stores.inMemory();
    try (EngineFixture f = new EngineFixture(b -> b.store(store))) {
      f.source("/s", 3, (i, r) -> {});
      String flow = f.simpleFlow(f.export("/s", ""), f.importTo("/d", ""));
      ObjectNode conn = store.get(ResourceKind.CONNECTION, f.connectionId);
      conn.put("offline", true);
      store.update(ResourceKind.CONNECTION, f.connectionId, conn);
      Job job = f.integrator.runFlow(flow);
      assertThat(job.status()).isEqualTo("failed");
      assertThat(job.numPagesGenerated()).isZero();
      assertThat(f.errors(job.id())).singleElement().satisfies(e -> {
        assertThat(e.source()).isEqualTo("connection");
        assertThat(e.message()).contains("offline");
      });
      assertThat(f.mem.contexts).isEmpty();
    }
  }
}
