package io.integrator.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.pipeline.Backoff;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.ExportContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import io.integrator.testkit.SuiteTalkServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SuiteTalkExportTest {
  SuiteTalkServer ns;
  final NetSuiteAdaptor adaptor = new NetSuiteAdaptor();

  @BeforeEach
  void start() {
    ns = SuiteTalkServer.start();
  }

  @AfterEach
  void stop() {
    ns.close();
  }

  private List<List<ObjectNode>> read(String export, int limit) throws Exception {
    List<List<ObjectNode>> pages = new ArrayList<>();
    try (PageReader r = adaptor.openReader(new ExportContext(Fixtures.json(export),
        Fixtures.tokenConnection(ns), Optional.empty(), Optional.empty(), limit, null, false,
        null))) {
      for (Optional<Page> p = r.next(); p.isPresent(); p = r.next()) {
        pages.add(p.get().records());
      }
    }
    return pages;
  }

  @Test
  void aBasicSearchIsReadLazilyInPagesOfPageSizeFollowingSearchMoreWithId() throws Exception {
    for (int i = 0; i < 7; i++) {
      ns.addRecord("customer", Map.of("companyName", (i % 2 == 0 ? "Acme " : "Other ") + i,
          "email", "c" + i + "@x.test"));
    }
    ns.addRecord("customer", Map.of("companyName", "Acme gone", "isInactive", "true"));
    ns.resetCalls();
    List<List<ObjectNode>> pages = read("""
        {"name": "Customers", "pageSize": 5, "netsuite": {"type": "basicSearch",
          "searches": [{"recordType": "Customer", "criteria": [
            {"field": "companyName", "operator": "startsWith", "searchValue": "Acme"},
            {"field": "isInactive", "searchValue": false}]}]}}""", 0);
    assertThat(pages).hasSize(1);
    assertThat(pages.get(0)).extracting(r -> r.path("companyName").asText())
        .containsExactly("Acme 0", "Acme 2", "Acme 4", "Acme 6");

    ns.resetCalls();
    List<List<ObjectNode>> all = read("""
        {"name": "All", "pageSize": 5, "netsuite": {"type": "basicSearch",
          "searches": [{"recordType": "customer"}]}}""", 0);
    assertThat(all).extracting(List::size).containsExactly(5, 3);
    assertThat(ns.calls()).containsEntry("search", 1).containsEntry("searchMoreWithId", 1);
    assertThat(all.get(0).get(0).path("internalId").asText()).isNotBlank();
    assertThat(all.get(0).get(0).path("email").asText()).isEqualTo("c0@x.test");

    assertThat(read("""
        {"name": "Test", "pageSize": 5, "netsuite": {"type": "basicSearch",
          "searches": [{"recordType": "customer"}]}}""", 2)).extracting(List::size)
        .containsExactly(2);
  }

  @Test
  void aSavedSearchReturnsItsRecordsAndStatsOnlyCountsThem() throws Exception {
    ns.addRecord("customer", Map.of("companyName", "Gold 1", "category", "gold"));
    ns.addRecord("customer", Map.of("companyName", "Gold 2", "category", "gold"));
    ns.addRecord("customer", Map.of("companyName", "Tin", "category", "tin"));
    ns.savedSearch("customsearch_gold", "customer", Map.of("category", "gold"));
    List<List<ObjectNode>> pages = read("""
        {"name": "Gold", "netsuite": {"type": "search",
          "searches": [{"recordType": "customer", "searchId": "customsearch_gold"}]}}""", 0);
    assertThat(pages.get(0)).extracting(r -> r.path("companyName").asText())
        .containsExactly("Gold 1", "Gold 2");
    assertThat(read("""
        {"name": "Gold", "netsuite": {"type": "search", "statsOnly": true,
          "searches": [{"recordType": "customer", "searchId": "customsearch_gold"}]}}""", 0)
        .get(0).get(0).path("totalRecords").asInt()).isEqualTo(2);
    assertThatThrownBy(() -> read("""
        {"name": "Nope", "netsuite": {"type": "search",
          "searches": [{"recordType": "customer", "searchId": "customsearch_nope"}]}}""", 0))
        .isInstanceOf(AdaptorException.class).hasMessageContaining("customsearch_nope");
    assertThatThrownBy(() -> read("""
        {"name": "NoId", "netsuite": {"type": "search", "searches": [{"recordType": "customer"}]}}""",
        0)).hasMessageContaining("netsuite.searches[0].searchId");
  }

  @Test
  void deltaAndOnceExportsRunInFlowsBetweenNetSuiteRecordTypes() {
    ns.addRecord("customer", Map.of("companyName", "First", "custentity_synced", false));
    ns.addRecord("customer", Map.of("companyName", "Second", "custentity_synced", false));
    try (Integrator integrator = Integrator.builder().adaptor(adaptor)
        .retryBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(50)))
        .build()) {
      String clientId = integrator.iclients().create("""
          {"name": "NS", "netsuite": {"consumerKey": "%s", "consumerSecret": "%s"}}"""
          .formatted(SuiteTalkServer.CONSUMER_KEY, SuiteTalkServer.CONSUMER_SECRET)).id();
      String conn = integrator.connections().create("""
          {"name": "NetSuite", "type": "netsuite",
           "netsuite": {"account": "%s", "tokenId": "%s", "tokenSecret": "%s", "_iClientId": "%s",
             "dataCenterURLs": {"webservicesDomain": "%s"}}}"""
          .formatted(ns.account(), SuiteTalkServer.TOKEN_ID, SuiteTalkServer.TOKEN_SECRET,
              clientId, ns.webservicesDomain())).id();
      String delta = integrator.exports().create("""
          {"name": "Changed customers", "_connectionId": "%s", "type": "delta",
           "delta": {"dateField": "lastModifiedDate", "startDate": "2000-01-01T00:00:00.000Z"},
           "netsuite": {"type": "basicSearch", "searches": [{"recordType": "Customer"}]}}"""
          .formatted(conn)).id();
      String once = integrator.exports().create("""
          {"name": "Unsynced customers", "_connectionId": "%s", "type": "once",
           "once": {"booleanField": "custentity_synced"},
           "netsuite": {"type": "basicSearch", "searches": [{"recordType": "Customer"}]}}"""
          .formatted(conn)).id();
      String contacts = integrator.imports().create("""
          {"name": "Contacts", "_connectionId": "%s",
           "netsuite": {"recordType": "Contact", "operation": "add"},
           "mapping": {"fields": [{"extract": "companyName", "generate": "firstName"}]}}"""
          .formatted(conn)).id();
      String deltaFlow = integrator.flows().create("""
          {"name": "Delta", "_exportId": "%s", "_importId": "%s"}""".formatted(delta, contacts))
          .id();
      String onceFlow = integrator.flows().create("""
          {"name": "Once", "_exportId": "%s", "_importId": "%s"}""".formatted(once, contacts))
          .id();

      Job first = integrator.runFlow(deltaFlow);
      assertThat(first.status()).isEqualTo("completed");
      assertThat(first.numSuccess()).isEqualTo(2);
      ns.addRecord("customer", Map.of("companyName", "Third", "custentity_synced", false));
      Job second = integrator.runFlow(deltaFlow);
      assertThat(second.numSuccess()).as("only the customer changed since the last run")
          .isEqualTo(1);
      assertThat(ns.records("contact")).extracting(r -> r.path("firstName").asText())
          .containsExactly("First", "Second", "Third");

      Job onceRun = integrator.runFlow(onceFlow);
      assertThat(onceRun.numSuccess()).isEqualTo(3);
      assertThat(ns.records("customer")).allMatch(c -> c.path("customFieldList")
          .path("custentity_synced").asText().equals("true"));
      assertThat(integrator.runFlow(onceFlow).numExport()).isZero();
    }
  }
}
