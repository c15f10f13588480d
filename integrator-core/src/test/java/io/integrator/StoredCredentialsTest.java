package io.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import io.integrator.spi.Adaptor;
import io.integrator.spi.CredentialStore;
import io.integrator.spi.PingResult;
import io.integrator.store.ResourceStore;
import io.integrator.store.Stores;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Credentials an adaptor refreshed go into the stored connection, and only credentials do. */
class StoredCredentialsTest {
  private final ResourceStore store = Stores.inMemory();

  @Test
  void refreshedSecretsAreStoredAndReadBackMasked() {
    try (Integrator integrator = Integrator.builder().store(store).build()) {
      String id = integrator.connections().create("""
          {"name": "CRM", "type": "http", "http": {"baseURI": "https://crm.test", "mediaType": "json",
           "authType": "oauth", "authURI": "https://crm.test/token", "refreshToken": "R0"}}""")
          .id();
      new StoredCredentials(store).update(id,
          Map.of("http.bearerToken", "A1", "http.refreshToken", "R1"));
      ObjectNode stored = store.find(ResourceKind.CONNECTION, id).orElseThrow();
      assertThat(stored.at("/http/bearerToken").asText()).isEqualTo("A1");
      assertThat(stored.at("/http/refreshToken").asText()).isEqualTo("R1");
      assertThat(stored.at("/http/baseURI").asText()).isEqualTo("https://crm.test");
      assertThat(integrator.connections().get(id).toString())
          .doesNotContain("A1").doesNotContain("R1").contains("********");
    }
  }

  @Test
  void onlySecretFieldsOfStoredConnectionsAreWritten() {
    try (Integrator integrator = Integrator.builder().store(store).build()) {
      String id = integrator.connections().create("""
          {"name": "CRM", "type": "http", "http": {"baseURI": "https://crm.test", "mediaType": "json"}}""").id();
      StoredCredentials credentials = new StoredCredentials(store);
      assertThatThrownBy(() -> credentials.update(id, Map.of("http.baseURI", "https://evil.test")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'http.baseURI' is not a secret field");
      assertThat(store.find(ResourceKind.CONNECTION, id).orElseThrow().at("/http/baseURI").asText())
          .isEqualTo("https://crm.test");
      credentials.update("not-stored", Map.of("http.bearerToken", "A1"));
      assertThat(store.find(ResourceKind.CONNECTION, "not-stored")).isEmpty();
    }
  }

  @Test
  void eachAdaptorGetsTheStoreOnceWhateverTypesItServes() {
    List<CredentialStore> given = new CopyOnWriteArrayList<>();
    Adaptor twoTypes = new Adaptor() {
      @Override
      public Set<String> connectionTypes() {
        return Set.of("alpha", "beta");
      }

      @Override
      public PingResult ping(ObjectNode connection) {
        return PingResult.success();
      }

      @Override
      public void useCredentialStore(CredentialStore credentials) {
        given.add(credentials);
      }
    };
    try (Integrator integrator = Integrator.builder().store(store).adaptor(twoTypes).build()) {
      assertThat(given).hasSize(1).allSatisfy(c -> assertThat(c).isInstanceOf(StoredCredentials.class));
    }
  }
}
