package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.integrator.Integrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every JSON example of docs/rest.md's "Imports" and "Lookups" sections is a valid import. */
class ImportDocsExamplesTest {

  static List<String> examples() throws Exception {
    Path doc = Path.of("..", "docs", "rest.md");
    String text = Files.readString(doc);
    int start = text.indexOf("## Imports");
    assertThat(start).as("docs/rest.md has an Imports section").isNotNegative();
    int lookups = text.indexOf("## Lookups", start);
    int end = text.indexOf("\n## ", lookups + 3);
    String mine = text.substring(start, end < 0 ? text.length() : end);
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(mine);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void everyImportExampleIsAccepted() throws Exception {
    List<String> examples = examples();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(7);
    try (Integrator integrator = Integrator.builder().build()) {
      String crm = integrator.connections().create("""
          {"name": "CRM", "type": "rest",
           "rest": {"baseURI": "https://crm.example.com/api", "mediaType": "json",
                    "bearerToken": "secret"}}""").id();
      String erp = integrator.connections().create("""
          {"name": "ERP", "type": "rest",
           "rest": {"baseURI": "https://erp.example.com", "mediaType": "urlencoded"}}""").id();
      String erpHttp = integrator.connections().create("""
          {"name": "ERP http", "type": "http",
           "http": {"baseURI": "https://erp.example.com", "mediaType": "json"}}""").id();
      for (String json : examples) {
        String doc = json.replace("\"_connectionId\": \"crm\"", "\"_connectionId\": \"" + crm + "\"")
            .replace("\"_connectionId\": \"erp\"", "\"_connectionId\": \"" + erp + "\"")
            .replace("\"_connectionId\": \"erp-http\"", "\"_connectionId\": \"" + erpHttp + "\"");
        assertThatCode(() -> integrator.imports().create(doc)).as(json).doesNotThrowAnyException();
      }
    }
  }
}
