package io.integrator.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.pipeline.Backoff;
import io.integrator.spi.PingResult;
import io.integrator.testkit.SuiteTalkServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NetSuite's faults as the engine sees them: throttling retried, refused tokens offline. */
class NetSuiteFlowFaultTest {
  SuiteTalkServer ns;
  final ListSourceAdaptor shop = new ListSourceAdaptor();
  Integrator integrator;

  @BeforeEach
  void start() {
    ns = SuiteTalkServer.start();
    List<ObjectNode> people = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      people.add(Fixtures.json("{\"company\": \"Co " + i + "\"}"));
    }
    shop.sources.put("/people", people);
    integrator = Integrator.builder().adaptor(shop).adaptor(new NetSuiteAdaptor())
        .retryBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(50)))
        .build();
  }

  @AfterEach
  void stop() {
    integrator.close();
    ns.close();
  }

  private String flow(String tokenSecret) {
    String clientId = integrator.iclients().create("""
        {"name": "NS", "netsuite": {"consumerKey": "%s", "consumerSecret": "%s"}}"""
        .formatted(SuiteTalkServer.CONSUMER_KEY, SuiteTalkServer.CONSUMER_SECRET)).id();
    String conn = integrator.connections().create("""
        {"name": "NetSuite", "type": "netsuite",
         "netsuite": {"account": "%s", "tokenId": "%s", "tokenSecret": "%s", "_iClientId": "%s",
           "dataCenterURLs": {"webservicesDomain": "%s"}}}"""
        .formatted(ns.account(), SuiteTalkServer.TOKEN_ID, tokenSecret, clientId,
            ns.webservicesDomain())).id();
    String shopConn = integrator.connections().create("""
        {"name": "Shop", "type": "rest", "rest": {"baseURI": "https://shop.test", "mediaType": "json"}}""")
        .id();
    String export = integrator.exports().create("""
        {"name": "People", "_connectionId": "%s", "pageSize": 2, "rest": {"relativeURI": "/people"}}"""
        .formatted(shopConn)).id();
    String imp = integrator.imports().create("""
        {"name": "Customers", "_connectionId": "%s",
         "netsuite": {"recordType": "customer", "operation": "add"},
         "mapping": {"fields": [{"extract": "company", "generate": "companyName"}]}}"""
        .formatted(conn)).id();
    return integrator.flows().create("""
        {"name": "People to NetSuite", "_exportId": "%s", "_importId": "%s"}"""
        .formatted(export, imp)).id();
  }

  @Test
  void requestLimitFaultsAreRetriedByTheEngineUntilEveryRecordIsIn() {
    String flow = flow(SuiteTalkServer.TOKEN_SECRET);
    ns.failNext(3, "WS_REQUEST_BLOCKED");
    Job job = integrator.runFlow(flow);
    assertThat(job.status()).isEqualTo("completed");
    assertThat(job.numSuccess()).isEqualTo(6);
    assertThat(job.numError()).isZero();
    assertThat(ns.records("customer")).hasSize(6);
    assertThat(ns.calls("addList")).isEqualTo(3 + 3);
  }

  @Test
  void aRefusedTokenFailsTheRunAndTakesTheConnectionOffline() {
    String flow = flow("not-the-secret");
    Job job = integrator.runFlow(flow);
    assertThat(job.status()).isEqualTo("failed");
    List<JobError> errors = integrator.jobErrors().list();
    assertThat(errors).anyMatch(e -> e.code().equals("connection_offline"));
    assertThat(errors).allMatch(e -> !e.message().contains("not-the-secret"));
    assertThat(integrator.connections().list().stream()
        .filter(c -> c.json().path("type").asText().equals("netsuite")))
        .allMatch(c -> c.json().path("offline").asBoolean());
    assertThat(ns.records("customer")).isEmpty();
  }

  @Test
  void pingIsAnAuthenticatedCallAndSaysWhatIsWrong() {
    NetSuiteAdaptor adaptor = new NetSuiteAdaptor();
    assertThat(adaptor.ping(Fixtures.tokenConnection(ns)).ok()).isTrue();
    assertThat(ns.calls("getServerTime")).isEqualTo(1);
    PingResult bad = adaptor.ping(Fixtures.tokenConnection(ns, "wrong", 1));
    assertThat(bad.ok()).isFalse();
    assertThat(bad.code()).isEqualTo("INVALID_LOGIN_ATTEMPT");
    ObjectNode noClient = Fixtures.tokenConnection(ns);
    ((ObjectNode) noClient.get("netsuite")).remove("_iClient");
    PingResult missing = adaptor.ping(noClient);
    assertThat(missing.code()).isEqualTo("invalid_connection");
    assertThat(missing.message()).contains("netsuite._iClientId").contains("consumerKey");
    ObjectNode sso = Fixtures.json("""
        {"name": "SSO", "type": "netsuite", "netsuite": {"account": "1", "useSsoLogin": true}}""");
    assertThat(adaptor.ping(sso).message()).contains("useSsoLogin").contains("not supported");
  }
}
