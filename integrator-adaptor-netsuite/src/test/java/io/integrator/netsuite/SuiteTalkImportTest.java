package io.integrator.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ImportContext;
import io.integrator.spi.ImportRecord;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import io.integrator.testkit.SuiteTalkServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Web-services imports through {@link NetSuiteAdaptor#openWriter} against the SuiteTalk fake. */
class SuiteTalkImportTest {
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

  private RecordWriter writer(String importJson) throws AdaptorException {
    return adaptor.openWriter(new ImportContext(Fixtures.json(importJson),
        Fixtures.tokenConnection(ns), false));
  }

  private static List<ImportRecord> records(String... json) {
    List<ImportRecord> out = new ArrayList<>();
    for (String j : json) {
      out.add(ImportRecord.of(Fixtures.json(j)));
    }
    return out;
  }

  @Test
  void addWritesOneAddListPerPageAndEachRecordGetsItsOwnResult() throws Exception {
    List<SubmitResult> results = writer("""
        {"name": "Customers", "netsuite": {"recordType": "Customer", "operation": "add"}}""")
        .submitRecords(records(
            "{\"companyName\": \"Acme\", \"email\": \"a@acme.test\", \"externalId\": \"C-1\"}",
            "{\"email\": \"nobody@x.test\"}",
            "{\"firstName\": \"Ann\", \"lastName\": \"Lee\", \"isPerson\": true}"));

    assertThat(ns.calls("addList")).isEqualTo(1);
    assertThat(results.get(0).isSuccess()).isTrue();
    assertThat(ns.record("customer", results.get(0).id()).orElseThrow().path("companyName")
        .asText()).isEqualTo("Acme");
    assertThat(ns.record("customer", results.get(0).id()).orElseThrow().path("externalId")
        .asText()).isEqualTo("C-1");
    SubmitResult bad = results.get(1);
    assertThat(bad.isError()).isTrue();
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.classification()).isEqualTo(Classification.VALUE);
    assertThat(bad.errors().get(0).code()).isEqualTo("USER_ERROR");
    assertThat(bad.errors().get(0).message()).contains("Company Name").contains("customer");
    assertThat(results.get(2).isSuccess()).isTrue();
    assertThat(ns.records("customer")).hasSize(2);
  }

  @Test
  void addupdateLooksUpThePageOnceByExternalIdThenUpdatesOrAdds() throws Exception {
    String c1 = ns.addRecord("customer", Map.of("companyName", "Old name", "externalId", "E1"));
    ns.resetCalls();
    List<SubmitResult> results = writer("""
        {"name": "Upsert customers", "netsuite": {"recordType": "customer", "operation": "addupdate",
          "internalIdLookup": {"extract": "id", "searchField": "externalId"}}}""")
        .submitRecords(List.of(
            rec("{\"id\": \"E1\"}", "{\"companyName\": \"New name\"}"),
            rec("{\"id\": \"E2\"}", "{\"companyName\": \"Second\"}"),
            rec("{\"id\": \"E3\"}", "{\"companyName\": \"Third\", \"externalId\": \"E3\"}")));

    assertThat(ns.calls("search")).isEqualTo(1);
    assertThat(ns.calls("updateList")).isEqualTo(1);
    assertThat(ns.calls("addList")).isEqualTo(1);
    assertThat(ns.calls("upsertList")).isEqualTo(1);
    assertThat(results).allMatch(SubmitResult::isSuccess);
    assertThat(results.get(0).id()).isEqualTo(c1);
    assertThat(ns.record("customer", c1).orElseThrow().path("companyName").asText())
        .isEqualTo("New name");
    assertThat(ns.records("customer")).hasSize(3);
  }

  @Test
  void updateOfAMissingRecordFailsIsIgnoredOrIsAddedAsTheImportSays() throws Exception {
    String base = """
        {"name": "U", %s "netsuite": {"recordType": "customer", "operation": "update",
          %s "internalIdLookup": {"extract": "email", "searchField": "email"}}}""";
    List<ImportRecord> missing = List.of(rec("{\"email\": \"new@x.test\"}",
        "{\"companyName\": \"New\", \"email\": \"new@x.test\"}"));

    SubmitResult failed = writer(base.formatted("", "")).submitRecords(missing).get(0);
    assertThat(failed.isError()).isTrue();
    assertThat(failed.classification()).isEqualTo(Classification.MISSING);
    assertThat(failed.errors().get(0).message()).contains("ignoreMissing");

    assertThat(writer(base.formatted("\"ignoreMissing\": true,", "")).submitRecords(missing)
        .get(0).ignored()).isTrue();

    SubmitResult added = writer(base.formatted("", "\"retryUpdateAsAdd\": true,"))
        .submitRecords(missing).get(0);
    assertThat(added.isSuccess()).isTrue();
    assertThat(ns.record("customer", added.id())).isPresent();
  }

  @Test
  void twoMatchesAreADuplicateErrorAndAddWithIgnoreExistingSkipsExistingRecords()
      throws Exception {
    ns.addRecord("customer", Map.of("companyName", "A", "email", "twin@x.test"));
    ns.addRecord("customer", Map.of("companyName", "B", "email", "twin@x.test"));
    ns.addRecord("customer", Map.of("companyName", "C", "email", "one@x.test"));
    SubmitResult dup = writer("""
        {"name": "U", "netsuite": {"recordType": "customer", "operation": "update",
          "internalIdLookup": {"extract": "email", "searchField": "email"}}}""")
        .submitRecords(List.of(rec("{\"email\": \"twin@x.test\"}", "{\"phone\": \"1\"}"))).get(0);
    assertThat(dup.classification()).isEqualTo(Classification.DUPLICATE);
    assertThat(dup.errors().get(0).message()).contains("found 2 customer records")
        .contains("twin@x.test");

    List<SubmitResult> r = writer("""
        {"name": "A", "ignoreExisting": true, "netsuite": {"recordType": "customer",
          "operation": "add", "internalIdLookup": {"extract": "email", "searchField": "email"}}}""")
        .submitRecords(List.of(
            rec("{\"email\": \"one@x.test\"}", "{\"companyName\": \"C again\"}"),
            rec("{\"email\": \"fresh@x.test\"}", "{\"companyName\": \"Fresh\"}")));
    assertThat(r.get(0).ignored()).isTrue();
    assertThat(r.get(1).isSuccess()).isTrue();
    assertThat(ns.records("customer")).hasSize(4);
  }

  @Test
  void deleteRemovesFoundRecordsWithOneDeleteList() throws Exception {
    String id = ns.addRecord("customer", Map.of("companyName", "Gone", "externalId", "G1"));
    ns.resetCalls();
    List<SubmitResult> r = writer("""
        {"name": "D", "ignoreMissing": true, "netsuite": {"recordType": "customer",
          "operation": "delete", "internalIdLookup": {"extract": "ext", "searchField": "externalId"}}}""")
        .submitRecords(List.of(rec("{\"ext\": \"G1\"}", "{}"), rec("{\"ext\": \"G2\"}", "{}")));
    assertThat(r.get(0).isSuccess()).isTrue();
    assertThat(r.get(0).id()).isEqualTo(id);
    assertThat(r.get(1).ignored()).isTrue();
    assertThat(ns.calls("deleteList")).isEqualTo(1);
    assertThat(ns.record("customer", id)).isEmpty();
  }

  @Test
  void salesOrdersNeedAnExistingCustomerAndAnItemLine() throws Exception {
    String cust = ns.addRecord("customer", Map.of("companyName", "Buyer"));
    String item = ns.addRecord("inventoryItem", Map.of("itemId", "SKU-1"));
    RecordWriter w = writer("""
        {"name": "Orders", "netsuite": {"recordType": "SalesOrder", "operation": "add"},
         "mapping": {"fields": [{"extract": "c", "generate": "entity", "internalId": true}],
           "lists": [{"generate": "SalesOrderItem",
             "fields": [{"extract": "i", "generate": "item", "internalId": true}]}]}}""");
    List<SubmitResult> r = w.submitRecords(records(
        "{\"entity\": \"%s\", \"SalesOrderItem\": [{\"item\": \"%s\", \"quantity\": 2}]}"
            .formatted(cust, item),
        "{\"entity\": \"%s\"}".formatted(cust),
        "{\"entity\": \"99999\", \"SalesOrderItem\": [{\"item\": \"%s\"}]}".formatted(item)));
    assertThat(r.get(0).isSuccess()).isTrue();
    ObjectNode stored = ns.record("salesOrder", r.get(0).id()).orElseThrow();
    assertThat(stored.path("entity").path("internalId").asText()).isEqualTo(cust);
    assertThat(stored.path("itemList").get(0).path("item").path("internalId").asText())
        .isEqualTo(item);
    assertThat(r.get(1).errors().get(0).message()).contains("at least one line item");
    assertThat(r.get(2).errors().get(0).code()).isEqualTo("INVALID_KEY_OR_REF");
  }

  @Test
  void aRecordTheCodecCannotWriteFailsAloneAndIsNeverSent() throws Exception {
    List<SubmitResult> r = writer("""
        {"name": "C", "netsuite": {"recordType": "customer", "operation": "add"}}""")
        .submitRecords(records("{\"companyName\": \"A\", \"custentity_vip\": true}",
            "{\"companyName\": \"B\"}"));
    assertThat(r.get(0).errors().get(0).code()).isEqualTo("invalid_record");
    assertThat(r.get(0).errors().get(0).message()).contains("custentity_vip")
        .contains("customFieldMetadata");
    assertThat(r.get(1).isSuccess()).isTrue();
    assertThat(ns.records("customer")).hasSize(1);
  }

  @Test
  void throttlingIsARateLimitForTheEngineAndAnExpiredSessionIsRetriedOnce() throws Exception {
    RecordWriter w = writer("""
        {"name": "C", "netsuite": {"recordType": "customer", "operation": "add"}}""");
    ns.failNext(1, "WS_REQUEST_BLOCKED");
    assertThatThrownBy(() -> w.submitRecords(records("{\"companyName\": \"A\"}")))
        .isInstanceOfSatisfying(AdaptorException.class, e -> {
          assertThat(e.classification()).isEqualTo(Classification.RATE_LIMIT);
          assertThat(e.code()).isEqualTo("WS_REQUEST_BLOCKED");
        });
    ns.failNext(1, "WS_CONCUR_SESSION_DISALLWD");
    assertThatThrownBy(() -> w.submitRecords(records("{\"companyName\": \"A\"}")))
        .isInstanceOfSatisfying(AdaptorException.class,
            e -> assertThat(e.classification()).isEqualTo(Classification.RATE_LIMIT));
    ns.resetCalls();
    ns.failNext(1, "INVALID_SESSION");
    assertThat(w.submitRecords(records("{\"companyName\": \"A\"}")).get(0).isSuccess()).isTrue();
    assertThat(ns.calls("addList")).isEqualTo(2);
    ns.failNext(2, "SESSION_TIMED_OUT");
    assertThatThrownBy(() -> w.submitRecords(records("{\"companyName\": \"B\"}")))
        .isInstanceOfSatisfying(AdaptorException.class,
            e -> assertThat(e.classification()).isEqualTo(Classification.CONNECTION));
    ns.failNext(1, "INSUFFICIENT_PERMISSION");
    assertThatThrownBy(() -> w.submitRecords(records("{\"companyName\": \"B\"}")))
        .isInstanceOfSatisfying(AdaptorException.class, e -> {
          assertThat(e.classification()).isEqualTo(Classification.VALUE);
          assertThat(e.code()).isEqualTo("INSUFFICIENT_PERMISSION");
        });
  }

  @Test
  void badTokenCredentialsAreARefusedConnection() throws Exception {
    RecordWriter w = adaptor.openWriter(new ImportContext(Fixtures.json("""
        {"name": "C", "netsuite": {"recordType": "customer", "operation": "add"}}"""),
        Fixtures.tokenConnection(ns, "stolen", 1), false));
    assertThatThrownBy(() -> w.submitRecords(records("{\"companyName\": \"A\"}")))
        .isInstanceOfSatisfying(AdaptorException.class, e -> {
          assertThat(e.classification()).isEqualTo(Classification.CONNECTION);
          assertThat(e.getMessage()).doesNotContain("stolen");
        });
  }

  @Test
  void theConnectionsConcurrencyLevelBoundsCallsInFlight() throws Exception {
    RecordWriter w = writer("""
        {"name": "C", "netsuite": {"recordType": "customer", "operation": "add"}}""");
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < 4; t++) {
      int n = t;
      Thread th = new Thread(() -> {
        try {
          for (int i = 0; i < 3; i++) {
            w.submitRecords(records("{\"companyName\": \"T" + n + "-" + i + "\"}"));
          }
        } catch (Exception e) {
          failures.add(e);
        }
      });
      th.start();
      threads.add(th);
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
    assertThat(ns.records("customer")).hasSize(12);
    assertThat(ns.maxConcurrentCalls()).isEqualTo(1);
  }

  @Test
  void openWriterRefusesWhatCannotRunWithTheFieldPath() {
    assertThatThrownBy(() -> writer("""
        {"name": "X", "netsuite": {"recordType": "customer", "operation": "attach"}}"""))
        .isInstanceOf(AdaptorException.class).hasMessageContaining("netsuite.operation attach");
    assertThatThrownBy(() -> writer("""
        {"name": "X", "netsuite": {"recordType": "customer", "operation": "update"}}"""))
        .hasMessageContaining("netsuite.internalIdLookup.extract");
    assertThatThrownBy(() -> writer("""
        {"name": "X", "netsuite": {"recordType": "Rocket", "operation": "add"}}"""))
        .hasMessageContaining("netsuite.recordType").hasMessageContaining("Rocket");
  }

  private static ImportRecord rec(String source, String mapped) {
    return new ImportRecord(Fixtures.json(mapped), Fixtures.json(source), Map.of(), null, null);
  }
}
