package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import io.integrator.store.ResourceStore;
import io.integrator.store.Stores;
import org.junit.jupiter.api.Test;

/** Flows that must not start: disabled, or in an integration being installed or uninstalled. */
class RunRefusalTest {
  private final ResourceStore store = Stores.inMemory();

  @Test
  void aDisabledFlowIsRefused() {
    try (EngineFixture f = new EngineFixture(b -> b.store(store))) {
      f.source("/s", 1, (i, r) -> {});
      String flow = f.flow("""
          {"name": "F", "disabled": true, "_exportId": "%s", "_importId": "%s"}"""
          .formatted(f.export("/s", ""), f.importTo("/d", "")));
      assertThatThrownBy(() -> f.integrator.runFlow(flow))
          .isInstanceOfSatisfying(FlowRunException.class,
              e -> assertThat(e.code()).isEqualTo("flow_disabled"));
    }
  }

  @Test
  void flowsOfAnIntegrationInInstallOrUninstallModeAreRefusedUntilItsSettingsMode() {
    try (EngineFixture f = new EngineFixture(b -> b.store(store))) {
      f.source("/s", 2, (i, r) -> {});
      String integration = f.integrator.integrations().create("{\"name\": \"Shop sync\"}").id();
      String flow = f.flow("""
          {"name": "F", "_integrationId": "%s", "_exportId": "%s", "_importId": "%s"}"""
          .formatted(integration, f.export("/s", ""), f.importTo("/d", "")));
      for (String mode : new String[] {"install", "uninstall"}) {
        setMode(integration, mode); // the engine's field: clients cannot write it
        assertThatThrownBy(() -> f.integrator.runFlow(flow))
            .isInstanceOfSatisfying(FlowRunException.class, e -> {
              assertThat(e.code()).isEqualTo("integration_" + mode);
              assertThat(e.getMessage()).contains("in " + mode + " mode");
            });
      }
      assertThat(f.integrator.jobs().list()).isEmpty();
      setMode(integration, "settings");
      assertThat(f.integrator.runFlow(flow).numSuccess()).isEqualTo(2);
    }
  }

  private void setMode(String integrationId, String mode) {
    ObjectNode doc = store.find(ResourceKind.INTEGRATION, integrationId).orElseThrow();
    doc.put("mode", mode);
    store.update(ResourceKind.INTEGRATION, integrationId, doc);
  }
}
