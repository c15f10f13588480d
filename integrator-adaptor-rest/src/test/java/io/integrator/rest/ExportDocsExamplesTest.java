package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every JSON example of docs/rest.md's Connection, Authentication, Ping, Exports, Paging and
 * Failures sections is accepted by the engine's validator and by the adaptor.
 */
class ExportDocsExamplesTest {

  static List<String> examples() throws Exception {
    String text = Files.readString(Path.of("..", "docs", "rest.md"));
    int start = text.indexOf("## Connection");
    assertThat(start).as("docs/rest.md has a Connection section").isNotNegative();
    int failures = text.indexOf("## Failures", start);
    assertThat(failures).as("docs/rest.md has a Failures section").isPositive();
    int end = text.indexOf("\n## ", failures + 3);
    String mine = text.substring(start, end < 0 ? text.length() : end);
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(mine);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void everyConnectionAndExportExampleIsAccepted() throws Exception {
    List<String> examples = examples();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(25);
    try (Integrator integrator = Integrator.builder().build()) {
      String shop = integrator.connections().create("""
          {"name": "Shop", "type": "rest",
           "rest": {"baseURI": "https://shop.example.com/api/v2", "mediaType": "json"}}""").id();
      String http = integrator.connections().create("""
          {"name": "Shop http", "type": "http",
           "http": {"baseURI": "https://shop.example.com/api/v2", "mediaType": "json"}}""").id();
      String iclient = null;
      int connections = 0;
      int exports = 0;
      for (String json : examples) {
        ObjectNode doc = Json.obj(json);
        if (doc.has("oauth2")) {
          doc.remove("_id");
          iclient = integrator.iclients().create(doc.toString()).id();
        }
      }
      assertThat(iclient).as("the IClient example").isNotNull();
      for (String json : examples) {
        ObjectNode doc = Json.obj(json.replace("\"shop-app\"", "\"" + iclient + "\""));
        if (doc.has("oauth2")) {
          continue;
        }
        String type = doc.path("type").asText();
        if (type.equals("rest") || type.equals("http")) {
          assertThatCode(() -> integrator.connections().create(doc.toString())).as(json)
              .doesNotThrowAnyException();
          assertThatCode(() -> RestConnection.of(doc)).as(json).doesNotThrowAnyException();
          connections++;
          continue;
        }
        boolean overHttp = doc.has("http");
        doc.put("_connectionId", overHttp ? http : shop);
        if (!doc.has("name")) {
          doc.put("name", "Example");
        }
        assertThatCode(() -> integrator.exports().create(doc.toString())).as(json)
            .doesNotThrowAnyException();
        RestConnection c = RestConnection.of(integrator.connections().get(overHttp ? http : shop)
            .json());
        assertThatCode(() -> ExportSpec.of(doc, c)).as(json).doesNotThrowAnyException();
        exports++;
      }
      assertThat(connections).isGreaterThanOrEqualTo(8);
      assertThat(exports).isGreaterThanOrEqualTo(15);
    }
  }
}
