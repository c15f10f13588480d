package io.integrator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.lookup.LookupResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API document's NetSuite imports, mapped end to end, including the lists worked example. */
class SeedMappingTest {

    static final String ORDER = """
            {web_order_num: 'W-1001', city: 'Austin', zip: '78701', first_name: 'Ada', last_name: 'Lovelace',
             email: 'ada@example.com', country: 'USA', last_order: 'SO-77', tax_percent: 8.25, is_taxable: true,
             order_lines: [{sku: 'SKU-1', price: 10.5, quantity: 2},
                           {sku: 'SKU-2', price: 3, quantity: 1},
                           {sku: 'SKU-3', price: 99.99, quantity: 4}],
             shipments: [{ship_via: 'UPS', weight: 1.5}, {ship_via: 'FedEx', weight: 2}]}
            """;

    static InMemoryLookupSource netsuite() {
        String previousOrder = "[['tranid','is','SO-77'],'OR',['custbody_web_id','is','SO-77']]";
        return new InMemoryLookupSource()
                .put("customerLookup", "ada@example.com", "101")
                .put("itemLookup", "SKU-1", "201")
                .put("itemLookup", "SKU-2", "202")
                .put("itemLookup", "SKU-3", "203")
                .put("orderLookup", previousOrder, "5001");
    }

    @Test
    void distributedImportMapsTheWorkedExample() {
        ObjectNode doc = Json.resource("/mapping/seed-distributed-import.json");
        Mapping mapping = Mapping.compile(doc.get("mapping"), doc.get("lookups"));
        InMemoryLookupSource source = netsuite();

        List<RecordResult> results = mapping.applyPage(List.of(Json.obj(ORDER)), new LookupResolver(source), Operation.CREATE);

        assertThat(results).hasSize(1);
        assertThat(results.get(0).errors()).isEmpty();
        assertThat(results.get(0).record()).isEqualTo(Json.parse("""
                {billcity: 'Austin', billzip: '78701', billaddressee: 'Ada Lovelace', ismultishipto: false,
                 custbody_source: 'webstore', entity: '101', currency: 'USD', custbody_previous: '5001',
                 item: [
                   {item: '201', rate: 10.5, quantity: 2, shipmethod: 'UPS', custcolumn_weight: 1.5, taxrate1: 8.25, istaxable: true},
                   {item: '202', rate: 3, quantity: 1, shipmethod: 'FedEx', custcolumn_weight: 2, taxrate1: 8.25, istaxable: true},
                   {item: '203', rate: 99.99, quantity: 4, taxrate1: 8.25, istaxable: true}]}
                """));
        // fields in array order, then lists
        assertThat(results.get(0).record().fieldNames()).toIterable().containsExactly("billcity", "billzip",
                "billaddressee", "ismultishipto", "custbody_source", "entity", "currency", "custbody_previous", "item");
    }

    @Test
    void webServicesImportBuildsNestedBillingAddress() {
        ObjectNode doc = Json.resource("/mapping/seed-netsuite-import.json");
        Mapping mapping = Mapping.compile(doc.get("mapping"), doc.path("netsuite").get("lookups"), "netsuite.lookups");
        InMemoryLookupSource source = netsuite();

        RecordResult result = mapping.applyPage(List.of(Json.obj(ORDER)), new LookupResolver(source), Operation.UPDATE).get(0);

        assertThat(result.record().get("billingAddress")).isEqualTo(
                Json.parse("{city: 'Austin', zip: '78701', addressee: 'Ada Lovelace'}"));
        assertThat(result.record().get("SalesOrderItem")).hasSize(3);
        assertThat(result.record().get("SalesOrderItem").get(2).has("shipMethod")).isFalse();
        assertThat(result.record().get("SalesOrderItem").get(2).has("custcolumn_weight")).isFalse();
        assertThat(result.record().get("currency").textValue()).isEqualTo("USD");
        // one call per dynamic lookup for the page
        assertThat(source.calls).containsExactlyInAnyOrder("customerLookup", "itemLookup");
    }

    @Test
    void seedLookupsAndMappingHaveNoProblems() {
        ObjectNode doc = Json.resource("/mapping/seed-distributed-import.json");
        assertThat(Mapping.check(doc.get("mapping"), doc.get("lookups"))).isEmpty();
        ObjectNode ws = Json.resource("/mapping/seed-netsuite-import.json");
        assertThat(Mapping.check(ws.get("mapping"), ws.path("netsuite").get("lookups"), "netsuite.lookups")).isEmpty();
    }

    @Test
    void compileImportFindsTheLookupsOfEachImportKind() {
        ObjectNode ws = Json.resource("/mapping/seed-netsuite-import.json");
        assertThat(Mapping.compileImport(ws).usesDynamicLookups()).isTrue();
        ObjectNode distributed = Json.resource("/mapping/seed-distributed-import.json");
        assertThat(Mapping.checkImport(distributed)).isEmpty();
        ObjectNode rest = Json.obj("{rest: {lookups: [{name: 'a', map: {}}, {name: 'a', map: {}}]},"
                + " mapping: {fields: [{extract: 'x', generate: 'y', lookupName: 'b'}]}}");
        assertThat(Mapping.checkImport(rest)).extracting(MappingProblem::path)
                .containsExactly("rest.lookups[1].name", "mapping.fields[0].lookupName");
        ObjectNode none = Json.obj("{name: 'no mapping'}");
        assertThat(Mapping.compileImport(none).apply(Json.obj("{a: 1}")).record()).isEqualTo(Json.parse("{a: 1}"));
    }
}
