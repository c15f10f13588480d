package io.integrator.rest;

import static io.integrator.rest.ExportFixture.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.PageReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class RecordStreamTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private static RecordStream stream(String json, String path) throws Exception {
    return new RecordStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), path);
  }

  private static List<String> drain(RecordStream s) throws Exception {
    List<String> out = new ArrayList<>();
    ObjectNode r;
    while ((r = s.next()) != null) {
      out.add(r.path("id").asText());
    }
    return out;
  }

  @Test
  void fieldsBeforeAndAfterTheRecordsFormTheEnvelope() throws Exception {
    RecordStream s = stream("{\"meta\": {\"total\": 2}, \"data\": {\"items\": "
        + records("r", 0, 2) + ", \"x\": [1, {\"y\": 2}]}, \"next\": \"/p2\"}", "data.items");
    assertThat(s.hasNext()).isTrue();
    assertThat(drain(s)).containsExactly("r0", "r1");
    assertThat(s.done()).isTrue();
    assertThat(s.found()).isTrue();
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.lastRecord().path("id").asText()).isEqualTo("r1");
    assertThat(s.envelope().toString()).isEqualTo(
        "{\"meta\":{\"total\":2},\"data\":{\"items\":[],\"x\":[1,{\"y\":2}]},\"next\":\"/p2\"}");
  }

  @Test
  void pathsMayIndexArraysAndNullMeansNoRecords() throws Exception {
    assertThat(drain(stream("{\"a\": [{\"b\": " + records("q", 0, 2) + "}]}", "a[0].b")))
        .containsExactly("q0", "q1");
    RecordStream nothing = stream("{\"items\": null, \"n\": 0}", "items");
    assertThat(drain(nothing)).isEmpty();
    assertThat(nothing.found()).isTrue();
    RecordStream missing = stream("{\"other\": []}", "items");
    assertThat(drain(missing)).isEmpty();
    assertThat(missing.found()).isFalse();
    assertThat(missing.topLevelFields()).containsExactly("other");
    assertThat(drain(stream("", null))).isEmpty();
  }

  @Test
  void recordsAreParsedOnlyAsFarAsTheCurrentPage() throws Exception {
    // 150 good records, then the body breaks: the first page of 100 is read before the break is
    // reached, which a reader that parsed the whole body first could not do
    String body = "{\"items\": " + records("r", 0, 150).replace("]", "") + ", {\"id\": ###";
    server.enqueue(Json.ok(body));
    ExportFixture f = new ExportFixture(server);
    try (PageReader reader = f.adaptor.openReader(f.context("{\"_id\": \"e1\", \"pageSize\": 100,"
        + " \"rest\": {\"relativeURI\": \"/x\", \"resourcePath\": \"items\"}}", 0, null))) {
      assertThat(reader.next()).get().satisfies(p -> assertThat(p.records()).hasSize(100));
      assertThatThrownBy(reader::next).isInstanceOf(AdaptorException.class)
          .hasMessageContaining("export 'e1' page 1: the response of GET")
          .hasMessageContaining("is not valid JSON");
    }
  }
}
