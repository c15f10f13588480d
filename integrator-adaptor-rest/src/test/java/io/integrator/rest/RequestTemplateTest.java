package io.integrator.rest;

import static io.integrator.rest.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.ExportContext;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestTemplateTest {

  @Test
  void urlTemplatesEncodeDoubleBracesAndKeepTripleBracesRaw() throws Exception {
    ObjectNode ctx = obj("{\"q\": \"a b&c\", \"path\": \"x/y\"}");
    assertThat(RequestTemplate.renderUrl("/s?q={{q}}", ctx, "t")).isEqualTo("/s?q=a%20b%26c");
    assertThat(RequestTemplate.renderUrl("/{{{path}}}", ctx, "t")).isEqualTo("/x/y");
    assertThat(RequestTemplate.renderText("{{q}}", ctx, "t")).isEqualTo("a b&c");
  }

  @Test
  void missingValuesRenderEmpty() throws Exception {
    assertThat(RequestTemplate.renderUrl("/s?x={{nope.deeper}}", obj("{}"), "t"))
        .isEqualTo("/s?x=");
  }

  @Test
  void exportContextCarriesDeltaPlaceholdersDocumentsAndData() throws Exception {
    ObjectNode export = obj("{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/x\"},"
        + " \"delta\": {\"dateFormat\": \"YYYY-MM-DD\"}}");
    ExportContext ec = new ExportContext(export, obj("{\"unencrypted\": {\"shop\": \"s1\"}}"),
        Optional.of(Instant.parse("2024-03-01T10:00:00Z")),
        Optional.of(Instant.parse("2024-03-05T10:00:00Z")), 0,
        obj("{\"id\": 7, \"settings\": {\"region\": \"eu\"}}"), false, null);
    ObjectNode ctx = RequestTemplate.exportContext(ec);
    assertThat(RequestTemplate.renderUrl(
        "/o?from={{lastExportDateTime}}&to={{currentExportDateTime}}&shop={{connection.unencrypted.shop}}"
            + "&r={{settings.region}}&id={{data.id}}&e={{export._id}}", ctx, "t"))
        .isEqualTo("/o?from=2024-03-01&to=2024-03-05&shop=s1&r=eu&id=7&e=e1");
  }

  @Test
  void firstRunWithoutLowerBoundRendersTheEpoch() throws Exception {
    ExportContext ec = new ExportContext(obj("{}"), null, Optional.empty(),
        Optional.of(Instant.parse("2024-03-05T10:00:00Z")), 0, null, false, null);
    assertThat(RequestTemplate.renderText("{{lastExportDateTime}}",
        RequestTemplate.exportContext(ec), "t")).isEqualTo("1970-01-01T00:00:00.000Z");
  }

  @Test
  void treesRenderStringLeavesOnly() throws Exception {
    var out = RequestTemplate.renderTree(obj("""
        {"since": "{{d}}", "n": 5, "list": ["{{d}}", true], "plain": "x"}"""), obj("{\"d\": \"D\"}"),
        "postBody");
    assertThat(out.toString())
        .isEqualTo("{\"since\":\"D\",\"n\":5,\"list\":[\"D\",true],\"plain\":\"x\"}");
  }

  @Test
  void malformedTemplatesNameTheField() {
    assertThatThrownBy(() -> RequestTemplate.renderText("{{#if x}}", obj("{}"),
        "export 'e1' rest.relativeURI"))
        .isInstanceOf(AdaptorException.class)
        .hasMessageContaining("export 'e1' rest.relativeURI is not a valid handlebars template");
  }

  @Test
  void singleBracesTakeRecordValues() {
    ObjectNode rec = obj("{\"id\": \"a/1\", \"c\": {\"n\": 3}, \"empty\": \"\"}");
    assertThat(RequestTemplate.renderBraces("/items/{id}/c/{c.n}", rec, true))
        .contains("/items/a%2F1/c/3");
    assertThat(RequestTemplate.renderBraces("/items/{id}", rec, false)).contains("/items/a/1");
    assertThat(RequestTemplate.renderBraces("/x/{missing}", rec, true)).isEmpty();
    assertThat(RequestTemplate.renderBraces("/x/{empty}", rec, true)).isEmpty();
    assertThat(RequestTemplate.renderBraces("/x/{{keep}}/{id}", rec, true))
        .contains("/x/{{keep}}/a%2F1");
  }
}
