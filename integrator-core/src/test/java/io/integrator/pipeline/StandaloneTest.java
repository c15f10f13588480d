package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.SubmitResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandaloneTest {

  @Test
  void invokeExportByIdOrApiIdentifierReturnsRecordsWithoutAJob() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 25, (i, r) -> {});
      String e = f.export("/s", "\"pageSize\": 10");
      assertThat(f.integrator.invokeExport(e, 0, null)).hasSize(25);
      String api = f.integrator.exports().get(e).apiIdentifier();
      assertThat(f.integrator.invokeExport(api, 12, null)).hasSize(12)
          .first().satisfies(r -> assertThat(r.path("id").asText()).isEqualTo("r0"));
      assertThat(f.integrator.jobs().list()).isEmpty();
    }
  }

  @Test
  void previewReturnsAtMost100RecordsAndWritesNothing() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 150, (i, r) -> r.put("exported", false));
      ObjectNode unsaved = EngineFixture.json("""
          {"name": "draft", "_connectionId": "%s", "rest": {"relativeURI": "/s"},
           "type": "once", "once": {"booleanField": "exported"}}""".formatted(f.connectionId));
      assertThat(f.integrator.preview(unsaved)).hasSize(100);
      unsaved.putObject("test").put("limit", 7);
      assertThat(f.integrator.preview(unsaved)).hasSize(7);
      assertThat(f.mem.sources.get("/s")).noneMatch(r -> r.path("exported").asBoolean());
      assertThat(f.integrator.jobs().list()).isEmpty();
    }
  }

  @Test
  void invokeImportReturnsOneResultPerRecord() {
    try (EngineFixture f = new EngineFixture()) {
      String imp = f.importTo("/d", "");
      List<ObjectNode> records = List.of(
          EngineFixture.json("{\"id\": \"a\", \"name\": \"A\"}"),
          EngineFixture.json("{\"id\": \"b\", \"fail\": 422}"),
          EngineFixture.json("{\"id\": \"c\", \"exists\": true}"));
      List<SubmitResult> results = f.integrator.invokeImport(imp, records);
      assertThat(results).hasSize(3);
      assertThat(results.get(0).isSuccess()).isTrue();
      assertThat(results.get(0).id()).isEqualTo("d-a");
      assertThat(results.get(1).statusCode()).isEqualTo(422);
      assertThat(results.get(1).errors()).singleElement()
          .satisfies(e -> assertThat(e.message()).contains("refused b"));
      assertThat(results.get(2).ignored()).isTrue();
      assertThat(results.get(0).toJson().path("_json").path("destId").asText()).isEqualTo("d-a");
      assertThat(f.integrator.jobErrors().list()).isEmpty();
    }
  }
}
