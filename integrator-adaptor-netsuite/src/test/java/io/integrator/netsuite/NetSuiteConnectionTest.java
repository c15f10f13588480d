package io.integrator.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrator.testkit.SuiteTalkServer;
import org.junit.jupiter.api.Test;

class NetSuiteConnectionTest {
  private static NetSuiteConnection of(String netsuite) {
    return NetSuiteConnection.of(Fixtures.json("""
        {"name": "N", "type": "netsuite", "netsuite": %s}""".formatted(netsuite)));
  }

  private static final String CREDS = """
      "tokenId": "t", "tokenSecret": "ts",
      "_iClient": {"netsuite": {"consumerKey": "ck", "consumerSecret": "cs"}}""";

  @Test
  void theEndpointComesFromTheAccountUnlessTheDataCenterDomainIsGiven() {
    assertThat(of("{\"account\": \"123456\", " + CREDS + "}").endpoint())
        .isEqualTo("https://123456.suitetalk.api.netsuite.com/services/NetSuitePort_2024_2");
    assertThat(of("{\"account\": \"123456_SB1\", \"environment\": \"sandbox\", " + CREDS + "}")
        .endpoint()).startsWith("https://123456-sb1.suitetalk.api.netsuite.com/");
    assertThat(of("{\"account\": \"tstdrv9\", \"wsdlVersion\": \"2023.1\", " + CREDS
        + ", \"dataCenterURLs\": {\"webservicesDomain\": \"ws.example.test\"}}").endpoint())
        .isEqualTo("https://ws.example.test/services/NetSuitePort_2023_1");
  }

  @Test
  void namespacesFollowTheVersion() {
    SuiteTalkNamespaces ns = new SuiteTalkNamespaces("2023_1");
    assertThat(ns.messages).isEqualTo("urn:messages_2023_1.platform.webservices.netsuite.com");
    assertThat(ns.uri("tranSales")).isEqualTo("urn:sales_2023_1.transactions.webservices.netsuite.com");
    assertThat(ns.uri("listRel")).isEqualTo("urn:relationships_2023_1.lists.webservices.netsuite.com");
    assertThat(ns.uri("listAcct")).isEqualTo("urn:accounting_2023_1.lists.webservices.netsuite.com");
  }

  @Test
  void concurrencyDefaultsToOneAndTheLowerCapWins() {
    assertThat(of("{\"account\": \"1\", " + CREDS + "}").concurrencyWebServices).isEqualTo(1);
    assertThat(of("{\"account\": \"1\", \"concurrencyLevelWebServices\": 4, " + CREDS + "}")
        .concurrencyWebServices).isEqualTo(4);
    assertThat(of("{\"account\": \"1\", \"concurrencyLevelWebServices\": 4,"
        + " \"concurrencyLevel\": \"2\", " + CREDS + "}").concurrencyWebServices).isEqualTo(2);
  }

  @Test
  void secretsNeverShowAndMissingPiecesAreNamed() {
    assertThat(of("{\"account\": \"1\", " + CREDS + "}").toString()).doesNotContain("ts")
        .doesNotContain("cs").contains("********");
    assertThatThrownBy(() -> of("{\"tokenId\": \"t\"}")).hasMessageContaining("netsuite.account");
    assertThatThrownBy(() -> of("{\"account\": \"1\", \"tokenId\": \"t\"}"))
        .hasMessageContaining("netsuite.tokenSecret");
    assertThatThrownBy(() -> of("{\"account\": \"1\", \"email\": \"a@b.c\"}"))
        .hasMessageContaining("netsuite.password");
  }

  @Test
  void aServerOfAnotherVersionIsReachedThroughWsdlVersion() throws Exception {
    try (SuiteTalkServer old = SuiteTalkServer.start("2023_1")) {
      var conn = Fixtures.tokenConnection(old);
      ((com.fasterxml.jackson.databind.node.ObjectNode) conn.get("netsuite"))
          .put("wsdlVersion", "2023_1");
      assertThat(new NetSuiteAdaptor().ping(conn).ok()).isTrue();
    }
  }
}
