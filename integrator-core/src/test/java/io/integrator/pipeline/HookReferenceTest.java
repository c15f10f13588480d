package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.model.ResourceKind;
import io.integrator.store.ResourceStore;
import io.integrator.store.Stores;
import io.integrator.spi.HookItem;
import io.integrator.spi.PreMapHook;
import io.integrator.spi.PreSavePageHook;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Documents may name a hook as {@code {"function": id, "configuration": {...}}}. The validator
 * still requires a string at {@code hooks._preMapId} etc., so these documents are written to the
 * store directly (as a host with its own validation, or an older store, would have them).
 */
class HookReferenceTest {
  private final ResourceStore store = Stores.inMemory();

  private String raw(ResourceKind kind, EngineFixture f, String json) {
    return store.create(kind, EngineFixture.json(json.replace("$conn", f.connectionId)))
        .get("_id").textValue();
  }

  private String rawExport(EngineFixture f, String uri, String hooks) {
    return raw(ResourceKind.EXPORT, f, """
        {"name": "E", "_connectionId": "$conn", "rest": {"relativeURI": "%s"}, "hooks": %s}"""
        .formatted(uri, hooks));
  }

  private String rawImport(EngineFixture f, String uri, String hooks) {
    return raw(ResourceKind.IMPORT, f, """
        {"name": "I", "_connectionId": "$conn", "rest": {"relativeURI": "%s", "method": "POST"},
         "mapping": {"fields": [{"extract": "id", "generate": "id"},
           {"extract": "name", "generate": "name"}, {"extract": "tag", "generate": "tag"}]},
         "hooks": %s}""".formatted(uri, hooks));
  }

  private static final PreMapHook SUFFIX = req -> req.data().stream()
      .map(r -> HookItem.of(r.put("name", r.path("name").asText()
          + req.context().configuration().path("suffix").asText("-none")))).toList();
  private static final PreSavePageHook TAG = req -> PreSavePageHook.Response.of(
      req.data().stream().map(r -> r.put("tag", req.context().configuration()
          .path("tag").asText("untagged"))).toList());

  @Test
  void functionObjectsNameTheHookAndTheirConfigurationReachesIt() {
    try (EngineFixture f = new EngineFixture(
        b -> b.store(store).hook("suffix", SUFFIX).hook("tag", TAG))) {
      f.source("/s", 3, (i, r) -> {});
      String exp = rawExport(f, "/s", """
          {"_preSavePageId": {"function": "tag"}, "configuration": {"tag": "wide"}}""");
      String imp = rawImport(f, "/d", """
          {"_preMapId": {"function": "suffix", "configuration": {"suffix": "-own"}},
           "configuration": {"suffix": "-wide"}}""");
      Job job = f.integrator.runFlow(f.simpleFlow(exp, imp));
      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numSuccess()).isEqualTo(3);
      // preMap got the configuration beside "function"; preSavePage, having none, the export's
      assertThat(f.mem.received.get("/d")).extracting(r -> r.path("name").asText() + "/"
          + r.path("tag").asText()).containsExactlyInAnyOrder("n0-own/wide", "n1-own/wide",
              "n2-own/wide");
    }
  }

  @Test
  void stringIdsStillWorkAndAFunctionObjectWithoutANameFailsTheRun() {
    try (EngineFixture f = new EngineFixture(b -> b.store(store).hook("suffix", SUFFIX))) {
      f.source("/s", 2, (i, r) -> {});
      String ok = f.importTo("/d", "\"hooks\": {\"_preMapId\": \"suffix\"}");
      f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), ok));
      assertThat(f.mem.received.get("/d")).extracting(r -> r.path("name").asText())
          .containsExactlyInAnyOrder("n0-none", "n1-none");

      String bad = rawImport(f, "/e", "{\"_preMapId\": {\"fn\": \"suffix\"}}");
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), bad));
      assertThat(job.status()).isEqualTo("failed");
      List<JobError> errs = f.errors(job.id());
      assertThat(errs).singleElement().satisfies(e -> {
        assertThat(e.code()).isEqualTo("invalid_hook_reference");
        assertThat(e.message()).contains("hooks._preMapId").contains("\"function\"");
      });
      assertThat(f.mem.received.get("/e")).isNull();
    }
  }

  @Test
  void aFunctionObjectNamingAnUnknownHookFailsTheRunNamingIt() {
    try (EngineFixture f = new EngineFixture(b -> b.store(store))) {
      f.source("/s", 1, (i, r) -> {});
      String imp = rawImport(f, "/d", "{\"_postMapId\": {\"function\": \"nope\"}}");
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), imp));
      assertThat(job.status()).isEqualTo("failed");
      assertThat(f.errors(job.id())).singleElement().satisfies(e -> {
        assertThat(e.code()).isEqualTo("missing_hook");
        assertThat(e.message()).contains("names hook 'nope'");
      });
    }
  }
}
