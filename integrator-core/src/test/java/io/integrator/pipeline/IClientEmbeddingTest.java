package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.ExportContext;
import org.junit.jupiter.api.Test;

class IClientEmbeddingTest {

  @Test
  void adaptorsReceiveTheReferencedIClientWithClearTextSecrets() {
    try (EngineFixture f = new EngineFixture()) {
      String iclient = f.integrator.iclients().create("""
          {"name": "Shop app", "provider": "custom",
           "oauth2": {"clientId": "app-1", "clientSecret": "app-secret"}}""").id();
      String conn = f.integrator.connections().create("""
          {"name": "OAuth", "type": "rest",
           "rest": {"baseURI": "https://mem.test", "mediaType": "json",
                    "authURI": "https://auth.test/token", "_iClientId": "%s"}}"""
          .formatted(iclient)).id();
      String e = f.integrator.exports().create("""
          {"name": "E", "_connectionId": "%s", "rest": {"relativeURI": "/s"}}"""
          .formatted(conn)).id();
      f.source("/s", 1, (i, r) -> {});
      f.integrator.runFlow(f.simpleFlow(e, f.importTo("/d", "")));

      ExportContext ctx = f.mem.contexts.get(0);
      ObjectNode embedded = (ObjectNode) ctx.connection().path("rest").path("_iClient");
      assertThat(embedded.path("_id").asText()).isEqualTo(iclient);
      assertThat(embedded.path("oauth2").path("clientId").asText()).isEqualTo("app-1");
      assertThat(embedded.path("oauth2").path("clientSecret").asText()).isEqualTo("app-secret");
      // the stored connection is untouched
      assertThat(f.integrator.connections().get(conn).json().path("rest").has("_iClient")).isFalse();
    }
  }

  @Test
  void connectionsWithoutAnIClientArePassedAsStored() {
    try (EngineFixture f = new EngineFixture()) {
      String e = f.export("/s", "");
      f.source("/s", 1, (i, r) -> {});
      f.integrator.runFlow(f.simpleFlow(e, f.importTo("/d", "")));
      assertThat(f.mem.contexts.get(0).connection().path("rest").has("_iClient")).isFalse();
      assertThat(f.mem.contexts.get(0).connection().path("rest").path("bearerToken").asText())
          .isEqualTo("s3cret-token");
    }
  }
}
