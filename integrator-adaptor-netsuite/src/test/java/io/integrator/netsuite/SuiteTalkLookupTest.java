package io.integrator.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.integrator.spi.Classification;
import io.integrator.spi.LookupException;
import io.integrator.spi.LookupQuery;
import io.integrator.spi.LookupSource;
import io.integrator.testkit.SuiteTalkServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SuiteTalkLookupTest {
  SuiteTalkServer ns;
  LookupSource source;

  @BeforeEach
  void start() {
    ns = SuiteTalkServer.start();
    source = new NetSuiteAdaptor().lookupSource(Fixtures.tokenConnection(ns)).orElseThrow();
  }

  @AfterEach
  void stop() {
    ns.close();
  }

  private static List<LookupQuery> queries(String... values) {
    List<LookupQuery> out = new ArrayList<>();
    for (String v : values) {
      out.add(new LookupQuery(JsonNodeFactory.instance.textNode(v),
          JsonNodeFactory.instance.objectNode()));
    }
    return out;
  }

  private static List<String> texts(List<JsonNode> nodes) {
    return nodes.stream().map(JsonNode::asText).toList();
  }

  @Test
  void aSelectFieldLookupAsksOneSearchForTheWholePage() throws Exception {
    String a = ns.addRecord("customer", Map.of("companyName", "A", "externalId", "X-1",
        "entityId", "CUST-A"));
    String b = ns.addRecord("customer", Map.of("companyName", "B", "externalId", "X-2",
        "entityId", "CUST-B"));
    ns.addRecord("customer", Map.of("companyName", "Old", "externalId", "X-3",
        "isInactive", "true"));
    ns.resetCalls();
    List<List<JsonNode>> r = source.resolve(Fixtures.json("""
        {"name": "byExt", "recordType": "Customer", "searchField": "externalId"}"""),
        queries("X-1", "X-2", "X-3", "X-4"));
    assertThat(ns.calls("search")).isEqualTo(1);
    assertThat(texts(r.get(0))).containsExactly(a);
    assertThat(texts(r.get(1))).containsExactly(b);
    assertThat(r.get(2)).as("inactive records do not match by default").isEmpty();
    assertThat(r.get(3)).isEmpty();

    List<List<JsonNode>> names = source.resolve(Fixtures.json("""
        {"name": "n", "recordType": "customer", "searchField": "externalId",
         "resultField": "companyName", "includeInactive": "true"}"""), queries("X-1", "X-3"));
    assertThat(texts(names.get(0))).containsExactly("A");
    assertThat(texts(names.get(1))).containsExactly("Old");
  }

  @Test
  void aStringFieldLookupAsksOncePerDistinctValueAndReportsEveryMatch() throws Exception {
    ns.addRecord("customer", Map.of("companyName", "A", "email", "a@x.test"));
    ns.addRecord("customer", Map.of("companyName", "B1", "email", "b@x.test"));
    ns.addRecord("customer", Map.of("companyName", "B2", "email", "b@x.test"));
    ns.addRecord("inventoryItem", Map.of("itemId", "SKU-1"));
    ns.addRecord("serviceSaleItem", Map.of("itemId", "SVC-1"));
    ns.resetCalls();
    List<List<JsonNode>> r = source.resolve(Fixtures.json("""
        {"name": "c", "recordType": "Customer", "searchField": "email"}"""),
        queries("a@x.test", "b@x.test"));
    assertThat(ns.calls("search")).isEqualTo(2);
    assertThat(r.get(0)).hasSize(1);
    assertThat(r.get(1)).as("two matches: the engine makes it a duplicate").hasSize(2);

    List<List<JsonNode>> items = source.resolve(Fixtures.json("""
        {"name": "i", "recordType": "Item", "searchField": "itemId"}"""),
        queries("SKU-1", "SVC-1", "NOPE"));
    assertThat(items.get(0)).hasSize(1);
    assertThat(items.get(1)).as("Item searches every item type").hasSize(1);
    assertThat(items.get(2)).isEmpty();
  }

  @Test
  void pagesOfSearchResultsAreFollowedWithSearchMoreWithId() throws Exception {
    List<String> ext = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ns.addRecord("contact", Map.of("firstName", "F" + i, "externalId", "K" + i));
      ext.add("K" + i);
    }
    ns.resetCalls();
    SuiteTalkClient client = new NetSuiteAdaptor().client(Fixtures.tokenConnection(ns));
    SuiteTalkSearch.Result first = SuiteTalkSearch.search(client, SuiteTalkRecordType.of("contact"),
        null, List.of(), new SuiteTalkPreferences(5, true, false));
    assertThat(first.totalRecords()).isEqualTo(12);
    assertThat(first.totalPages()).isEqualTo(3);
    assertThat(first.records()).hasSize(5);
    SuiteTalkSearch.Result third = SuiteTalkSearch.more(client, first.searchId(), 3,
        new SuiteTalkPreferences(5, true, false));
    assertThat(third.pageIndex()).isEqualTo(3);
    assertThat(third.records()).hasSize(2);
    assertThat(third.records().get(1).path("externalId").asText()).isEqualTo("K11");
    assertThat(ns.calls()).containsEntry("search", 1).containsEntry("searchMoreWithId", 1);
  }

  @Test
  void aFailedSearchIsALookupExceptionWithTheClassification() {
    ns.failNext(1, "WS_REQUEST_BLOCKED");
    assertThatThrownBy(() -> source.resolve(Fixtures.json("""
        {"name": "c", "recordType": "Customer", "searchField": "email"}"""), queries("a@x.test")))
        .isInstanceOfSatisfying(LookupException.class, e -> {
          assertThat(e.classification()).isEqualTo(Classification.RATE_LIMIT);
          assertThat(e.getMessage()).contains("lookup c");
        });
    assertThatThrownBy(() -> source.resolve(Fixtures.json("""
        {"name": "c", "recordType": "Planet", "searchField": "email"}"""), queries("a")))
        .hasMessageContaining("Planet");
  }
}
