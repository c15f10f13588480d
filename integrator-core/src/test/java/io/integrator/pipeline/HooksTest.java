package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.EchoTestAdaptor;
import io.integrator.hook.HookException;
import io.integrator.hook.HookRegistry;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.ExportContext;
import io.integrator.spi.Hook;
import io.integrator.spi.HookItem;
import io.integrator.spi.ImportContext;
import io.integrator.spi.PostMapHook;
import io.integrator.spi.PostResponseMapHook;
import io.integrator.spi.PostSubmitHook;
import io.integrator.spi.PreMapHook;
import io.integrator.spi.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HooksTest {

  @Test
  void postMapChangesWhatIsSubmittedAndPostSubmitDecidesTheCount() {
    PostMapHook upper = req -> req.postMapData().stream()
        .map(r -> HookItem.of(r.put("name", r.path("name").asText().toUpperCase()))).toList();
    PostSubmitHook rewrite = req -> {
      List<SubmitResult> out = new ArrayList<>();
      for (int i = 0; i < req.responseData().size(); i++) {
        boolean odd = req.postMapData().get(i).path("id").asText().endsWith("1");
        out.add(odd ? SubmitResult.failure(422, "rejected_later", "postSubmit said no")
            : req.responseData().get(i));
      }
      return out;
    };
    try (EngineFixture f = new EngineFixture(b -> b.hook("upper", upper).hook("rw", rewrite))) {
      f.source("/s", 12, (i, r) -> {});
      String imp = f.importTo("/d", """
          "hooks": {"_postMapId": "upper", "_postSubmitId": "rw"}""");
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), imp));
      assertThat(List.of(job.numSuccess(), job.numError())).containsExactly(10, 2);
      assertThat(f.mem.received.get("/d")).allSatisfy(
          r -> assertThat(r.path("name").asText()).startsWith("N"));
      assertThat(f.errors(f.child(job, "import", imp).id()))
          .extracting(JobError::code).containsOnly("rejected_later");
    }
  }

  @Test
  void postSubmitThrowingFailsThePageAndSaysTheRecordsWereSubmitted() {
    PostSubmitHook boom = req -> {
      throw new IllegalStateException("kaput");
    };
    try (EngineFixture f = new EngineFixture(b -> b.hook("boom", boom))) {
      f.source("/s", 3, (i, r) -> {});
      String imp = f.importTo("/d", "\"hooks\": {\"_postSubmitId\": \"boom\"}");
      Job job = f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), imp));
      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numError()).isEqualTo(3);
      assertThat(f.errors(f.child(job, "import", imp).id())).hasSize(3).allSatisfy(e -> {
        assertThat(e.source()).isEqualTo("post_submit_hook");
        assertThat(e.message()).contains("kaput").contains("after the records were submitted");
      });
    }
  }

  @Test
  void postResponseMapShapesTheRecordsForTheNextProcessor() {
    PostResponseMapHook tag = req -> req.postResponseMapData().stream()
        .map(r -> r.deepCopy().put("name", "tagged")).toList();
    try (EngineFixture f = new EngineFixture(b -> b.hook("tag", tag))) {
      f.source("/s", 4, (i, r) -> {});
      String flow = f.flow("""
          {"name": "F", "pageGenerators": [{"_exportId": "%s"}], "pageProcessors": [
            {"type": "import", "_importId": "%s", "hooks": {"_postResponseMapId": "tag"}},
            {"type": "import", "_importId": "%s"}]}"""
          .formatted(f.export("/s", ""), f.importTo("/a", ""), f.importTo("/b", "")));
      f.integrator.runFlow(flow);
      assertThat(f.mem.received.get("/b")).hasSize(4)
          .allSatisfy(r -> assertThat(r.path("name").asText()).isEqualTo("tagged"));
    }
  }

  @Test
  void lookupExportProcessorFeedsItsRecordsToResponseMapping() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 3, (i, r) -> {});
      f.source("/prices", 1, (i, r) -> r.put("price", 42));
      String flow = f.flow("""
          {"name": "F", "pageGenerators": [{"_exportId": "%s"}], "pageProcessors": [
            {"type": "export", "_exportId": "%s",
             "responseMapping": {"fields": [{"extract": "data[0].price", "generate": "name"}]}},
            {"type": "import", "_importId": "%s"}]}"""
          .formatted(f.export("/s", ""), f.export("/prices", ""), f.importTo("/d", "")));
      Job job = f.integrator.runFlow(flow);
      assertThat(job.status()).isEqualTo("completed");
      assertThat(f.mem.received.get("/d")).hasSize(3)
          .allSatisfy(r -> assertThat(r.path("name").asText()).isEqualTo("42"));
      // the lookup export ran once per record, with the record as its template data
      assertThat(f.mem.contexts).filteredOn(c -> c.data().has("id")).hasSize(3);
    }
  }

  @Test
  void hooksOnTheClassPathAreFoundByTheirId() {
    try (EngineFixture f = new EngineFixture()) {
      assertThat(f.integrator.hooks().find(PreMapHook.class, "shout")).isPresent();
      f.source("/s", 2, (i, r) -> {});
      String imp = f.importTo("/d", "\"hooks\": {\"_preMapId\": \"shout\"}");
      f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), imp));
      assertThat(f.mem.received.get("/d")).extracting(r -> r.path("name").asText())
          .containsExactlyInAnyOrder("N0", "N1");
    }
  }

  @Test
  void registryFindsHooksByKindAndIdAndRejectsObjectsOfNoKind() {
    PreMapHook pm = req -> req.data().stream().map(HookItem::of).toList();
    HookRegistry r = HookRegistry.of(Map.of("a", pm), null);
    assertThat(r.find(PreMapHook.class, "a")).contains(pm);
    assertThat(r.find(PostMapHook.class, "a")).isEmpty();
    assertThatThrownBy(() -> r.require(PostMapHook.class, "a", "import 'x' hooks._postMapId"))
        .isInstanceOf(HookException.class)
        .hasMessageContaining("import 'x' hooks._postMapId names hook 'a'");
    Hook none = () -> "plain";
    assertThatThrownBy(() -> HookRegistry.of(Map.of("plain", none), null))
        .isInstanceOf(HookException.class).hasMessageContaining("implements no hook kind");
  }

  @Test
  void adaptorDefaultsRefuseWhatTheyDoNotSupportAndTheEchoWriterEchoes() throws Exception {
    EchoTestAdaptor echo = new EchoTestAdaptor();
    ExportContext ctx = new ExportContext(EngineFixture.json("{}"), null, null, null, 0, null,
        true, null);
    assertThatThrownBy(() -> echo.openReader(ctx)).isInstanceOf(AdaptorException.class)
        .hasMessageContaining("does not support exports");
    assertThatThrownBy(() -> echo.markExported(ctx, List.of()))
        .isInstanceOf(AdaptorException.class).hasMessageContaining("once and valueDelta exports");
    ObjectNode rec = EngineFixture.json("{\"id\": \"7\"}");
    List<SubmitResult> out = echo.openWriter(new ImportContext(rec, null, false)).submit(List.of(rec));
    assertThat(out).singleElement().satisfies(r -> {
      assertThat(r.isSuccess()).isTrue();
      assertThat(r.id()).isEqualTo("7");
    });
    assertThat(SubmitResult.fromJson(SubmitResult.failure(429, "429", "x").toJson())
        .classification()).isEqualTo("rate_limit");
    assertThat(ErrorItem.fromJson(EngineFixture.json("{\"message\": \"m\"}")).code())
        .isEqualTo("error");
  }

  @Test
  void hooksSeeTheSettingsOfTheirIntegration() {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    PreMapHook read = req -> {
      seen.add(req.context().settings().path("region").asText("none"));
      return req.data().stream().map(HookItem::of).toList();
    };
    try (EngineFixture f = new EngineFixture(b -> b.hook("read", read))) {
      String integration = f.integrator.integrations()
          .create("{\"name\": \"Shop\", \"settings\": {\"region\": \"eu\"}}").id();
      f.source("/s", 2, (i, r) -> {});
      String inIntegration = f.importTo("/d", "\"_integrationId\": \"" + integration
          + "\", \"hooks\": {\"_preMapId\": \"read\"}");
      String standalone = f.importTo("/e", "\"hooks\": {\"_preMapId\": \"read\"}");
      f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), inIntegration));
      f.integrator.runFlow(f.simpleFlow(f.export("/s", ""), standalone));
      assertThat(seen).containsExactly("eu", "none");
    }
  }
}
