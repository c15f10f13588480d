package io.integrator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.lookup.LookupResolver;
import io.integrator.spi.LookupException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Static and dynamic lookups: outcome rules, batching per page, caching per job, failures. */
class LookupsTest {

    static final String DYNAMIC_LOOKUPS = """
            [{name: 'customer', recordType: 'customer', searchField: 'email', resultField: 'internalid'},
             {name: 'lenient', recordType: 'customer', searchField: 'email', allowFailures: 'true', default: 'guest'},
             {name: 'lenientNoDefault', recordType: 'customer', searchField: 'email', allowFailures: true},
             {name: 'mapped', relativeURI: '/c/{email}', extract: 'tier', map: {gold: 'G', silver: 'S'}},
             {name: 'previous', recordType: 'salesorder', expression: "[['tranid','is','{{last_order}}']]", allowFailures: 'true'}]
            """;

    static List<ObjectNode> records(String... emails) {
        List<ObjectNode> out = new ArrayList<>();
        for (String e : emails) {
            out.add(Json.obj("{email: '" + e + "'}"));
        }
        return out;
    }

    static Mapping mapping(String lookupName) {
        return Mapping.compile(Json.parse("{fields: [{extract: 'email', generate: 'entity', lookupName: '" + lookupName + "'}]}"),
                Json.parse(DYNAMIC_LOOKUPS), "rest.lookups");
    }

    // ---- static lookups

    static RecordResult mapStatic(String lookupJson, String recordJson) {
        return Mapping.compile(Json.parse("{fields: [{extract: 'country', generate: 'currency', lookupName: 'cur'}]}"),
                Json.parse("[" + lookupJson + "]")).apply(Json.obj(recordJson));
    }

    @Test
    void staticMapTranslatesByExactKey() {
        String lookup = "{name: 'cur', map: {USA: 'USD', '1': 'one', JAPAN: {code: 'JPY'}}}";
        assertThat(mapStatic(lookup, "{country: 'USA'}").record().get("currency").textValue()).isEqualTo("USD");
        assertThat(mapStatic(lookup, "{country: 1}").record().get("currency").textValue()).isEqualTo("one");
        assertThat(mapStatic(lookup, "{country: 'JAPAN'}").record().get("currency")).isEqualTo(Json.parse("{code: 'JPY'}"));
        assertThat(mapStatic(lookup, "{other: 1}").record().has("currency")).isFalse();
    }

    @Test
    void staticMapWithoutMatchIsAMissingError() {
        RecordResult r = mapStatic("{name: 'cur', map: {USA: 'USD'}, default: 'XXX'}", "{country: 'usa'}");
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("lookup");
            assertThat(e.classification()).isEqualTo("missing");
            assertThat(e.code()).isEqualTo("lookup_not_found");
            assertThat(e.extract()).isEqualTo("country");
            assertThat(e.generate()).isEqualTo("currency");
            assertThat(e.extracted()).isEqualTo(Json.parse("'usa'"));
            assertThat(e.message()).isEqualTo(
                    "field extract \"country\" generate \"currency\": lookup \"cur\" found no match for \"usa\"");
        });
    }

    @Test
    void staticMapAllowFailuresUsesDefaultOrEmptyString() {
        assertThat(mapStatic("{name: 'cur', map: {USA: 'USD'}, default: 'XXX', allowFailures: 'true'}", "{country: 'FR'}")
                .record().get("currency").textValue()).isEqualTo("XXX");
        assertThat(mapStatic("{name: 'cur', map: {USA: 'USD'}, default: 0, allowFailures: true}", "{country: 'FR'}")
                .record().get("currency").intValue()).isEqualTo(0);
        assertThat(mapStatic("{name: 'cur', map: {USA: 'USD'}, allowFailures: true}", "{country: 'FR'}")
                .record().get("currency").textValue()).isEqualTo("");
    }

    @Test
    void hardCodedValueIsTheLookupInput() {
        RecordResult r = Mapping.compile(Json.parse("{fields: [{hardCodedValue: 'USA', generate: 'c', lookup: 'cur'}]}"),
                Json.parse("[{name: 'cur', map: {USA: 'USD'}}]")).apply(Json.obj("{}"));
        assertThat(r.record().get("c").textValue()).isEqualTo("USD");
    }

    // ---- dynamic lookups

    @Test
    void oneCallPerLookupPerPageWithDistinctKeysOnly() {
        InMemoryLookupSource source = new InMemoryLookupSource().put("customer", "a@x", "1").put("customer", "b@x", "2");
        List<RecordResult> results = mapping("customer").applyPage(records("a@x", "b@x", "a@x", "b@x", "a@x"),
                new LookupResolver(source), Operation.CREATE);
        assertThat(results).extracting(r -> r.record().get("entity").textValue()).containsExactly("1", "2", "1", "2", "1");
        assertThat(source.calls).containsExactly("customer");
        assertThat(source.callKeys).containsExactly(List.of("a@x", "b@x"));
    }

    @Test
    void answersAreCachedAcrossPagesOfAJob() {
        InMemoryLookupSource source = new InMemoryLookupSource().put("customer", "a@x", "1").put("customer", "b@x", "2")
                .put("customer", "c@x", "3");
        LookupResolver job = new LookupResolver(source);
        Mapping m = mapping("customer");
        m.applyPage(records("a@x", "b@x"), job, Operation.CREATE);
        List<RecordResult> page2 = m.applyPage(records("b@x", "c@x", "a@x"), job, Operation.CREATE);
        List<RecordResult> page3 = m.applyPage(records("a@x", "c@x"), job, Operation.CREATE);
        assertThat(page2).extracting(r -> r.record().get("entity").textValue()).containsExactly("2", "3", "1");
        assertThat(page3).extracting(r -> r.record().get("entity").textValue()).containsExactly("1", "3");
        assertThat(source.callKeys).containsExactly(List.of("a@x", "b@x"), List.of("c@x"));
        assertThat(job.cachedAnswers()).isEqualTo(3);
        // a new job asks again
        m.applyPage(records("a@x"), new LookupResolver(source), Operation.CREATE);
        assertThat(source.callKeys).hasSize(3);
    }

    @Test
    void cacheIsBoundedLeastRecentlyUsedFirst() {
        InMemoryLookupSource source = new InMemoryLookupSource().put("customer", "a@x", "1").put("customer", "b@x", "2")
                .put("customer", "c@x", "3");
        LookupResolver job = new LookupResolver(source, 2);
        Mapping m = mapping("customer");
        m.applyPage(records("a@x", "b@x"), job, Operation.CREATE);
        m.applyPage(records("a@x"), job, Operation.CREATE);          // a is now most recent
        m.applyPage(records("c@x"), job, Operation.CREATE);          // evicts b
        m.applyPage(records("a@x", "b@x"), job, Operation.CREATE);   // asks b again only
        assertThat(source.callKeys).containsExactly(List.of("a@x", "b@x"), List.of("c@x"), List.of("b@x"));
        assertThat(job.cachedAnswers()).isEqualTo(2);
    }

    @Test
    void zeroMatchesIsMissingAndOtherRecordsSucceed() {
        InMemoryLookupSource source = new InMemoryLookupSource().put("customer", "a@x", "1");
        List<RecordResult> results = mapping("customer").applyPage(records("a@x", "nobody@x", "a@x"),
                new LookupResolver(source), Operation.CREATE);
        assertThat(results.get(0).isSuccess()).isTrue();
        assertThat(results.get(2).isSuccess()).isTrue();
        assertThat(results.get(1).errors()).singleElement().satisfies(e -> {
            assertThat(e.classification()).isEqualTo("missing");
            assertThat(e.source()).isEqualTo("lookup");
            assertThat(e.message()).contains("lookup \"customer\" found no match for \"nobody@x\"");
        });
    }

    @Test
    void severalMatchesIsDuplicateUnlessAllowFailuresTakesTheFirst() {
        InMemoryLookupSource source = new InMemoryLookupSource().put("customer", "a@x", "1", "9")
                .put("lenient", "a@x", "1", "9");
        RecordResult strict = mapping("customer").applyPage(records("a@x"), new LookupResolver(source), Operation.CREATE).get(0);
        assertThat(strict.errors()).singleElement().satisfies(e -> {
            assertThat(e.classification()).isEqualTo("duplicate");
            assertThat(e.code()).isEqualTo("lookup_duplicate");
            assertThat(e.message()).contains("found 2 matches for \"a@x\"");
        });
        RecordResult lenient = mapping("lenient").applyPage(records("a@x"), new LookupResolver(source), Operation.CREATE).get(0);
        assertThat(lenient.record().get("entity").textValue()).isEqualTo("1");
    }

    @Test
    void allowFailuresWithoutMatchUsesDefaultElseEmptyString() {
        InMemoryLookupSource source = new InMemoryLookupSource();
        assertThat(mapping("lenient").applyPage(records("z@x"), new LookupResolver(source), Operation.CREATE)
                .get(0).record().get("entity").textValue()).isEqualTo("guest");
        assertThat(mapping("lenientNoDefault").applyPage(records("z@x"), new LookupResolver(source), Operation.CREATE)
                .get(0).record().get("entity").textValue()).isEqualTo("");
    }

    @Test
    void mapOnADynamicLookupTranslatesTheFoundValue() {
        InMemoryLookupSource source = new InMemoryLookupSource().put("mapped", "a@x", "gold").put("mapped", "b@x", "bronze");
        List<RecordResult> results = mapping("mapped").applyPage(records("a@x", "b@x"), new LookupResolver(source),
                Operation.CREATE);
        assertThat(results.get(0).record().get("entity").textValue()).isEqualTo("G");
        assertThat(results.get(1).errors()).singleElement()
                .satisfies(e -> assertThat(e.classification()).isEqualTo("missing"));
    }

    @Test
    void connectionFailureFailsOnlyRecordsThatNeedTheLookupAndIsNotCached() {
        InMemoryLookupSource source = new InMemoryLookupSource().put("customer", "a@x", "1");
        source.failWith = new LookupException("503", "service unavailable", LookupException.INTERMITTENT, null);
        Mapping m = Mapping.compile(Json.parse("{fields: [{extract: 'email', generate: 'entity', lookupName: 'customer'}]}"),
                Json.parse(DYNAMIC_LOOKUPS));
        List<ObjectNode> page = List.of(Json.obj("{email: 'a@x'}"), Json.obj("{name: 'no email'}"));
        LookupResolver job = new LookupResolver(source);
        List<RecordResult> results = m.applyPage(page, job, Operation.CREATE);
        assertThat(results.get(0).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("503");
            assertThat(e.classification()).isEqualTo("intermittent");
            assertThat(e.source()).isEqualTo("lookup");
            assertThat(e.message()).contains("service unavailable");
        });
        assertThat(results.get(1).isSuccess()).isTrue();
        source.failWith = null;
        assertThat(m.applyPage(page, job, Operation.CREATE).get(0).record().get("entity").textValue()).isEqualTo("1");
        assertThat(source.calls).hasSize(2);
    }

    @Test
    void recordDependentLookupWithoutExtractKeysByTheSourcesCacheKey() {
        InMemoryLookupSource source = new InMemoryLookupSource()
                .put("previous", "[['tranid','is','SO-1']]", "501")
                .put("previous", "[['tranid','is','SO-2']]", "502");
        Mapping m = Mapping.compile(Json.parse("{fields: [{generate: 'prev', lookupName: 'previous'}]}"),
                Json.parse(DYNAMIC_LOOKUPS));
        List<RecordResult> results = m.applyPage(List.of(Json.obj("{last_order: 'SO-1', x: 1}"),
                Json.obj("{last_order: 'SO-2'}"), Json.obj("{last_order: 'SO-1', x: 2}"), Json.obj("{last_order: 'SO-3'}")),
                new LookupResolver(source), Operation.CREATE);
        assertThat(results).extracting(r -> r.record().get("prev").textValue()).containsExactly("501", "502", "501", "");
        assertThat(source.callKeys).singleElement().asList().hasSize(3);
    }

    @Test
    void defaultCacheKeyOfALookupWithoutInputIsTheWholeRecord() {
        JsonNode def = Json.parse("{name: 'x', relativeURI: '/orders/{id}'}");
        io.integrator.spi.LookupSource plain = (d, q) -> List.of();
        String k1 = plain.cacheKey((ObjectNode) def, new io.integrator.spi.LookupQuery(
                com.fasterxml.jackson.databind.node.NullNode.getInstance(), Json.obj("{id: 1}")));
        String k2 = plain.cacheKey((ObjectNode) def, new io.integrator.spi.LookupQuery(
                com.fasterxml.jackson.databind.node.NullNode.getInstance(), Json.obj("{id: 2}")));
        assertThat(k1).isNotEqualTo(k2);
        assertThat(plain.cacheKey((ObjectNode) def, new io.integrator.spi.LookupQuery(Json.parse("'v'"), Json.obj("{id: 1}"))))
                .isEqualTo("v");
    }

    @Test
    void dynamicLookupsPerListLineAreBatchedWithTheRest() {
        InMemoryLookupSource source = new InMemoryLookupSource().put("item", "S1", "11").put("item", "S2", "12");
        Mapping m = Mapping.compile(Json.parse("{lists: [{generate: 'item', fields: [{extract: 'lines[*].sku', "
                + "generate: 'item', lookupName: 'item'}]}]}"), Json.parse("[{name: 'item', recordType: 'item', searchField: 'itemid'}]"));
        List<RecordResult> results = m.applyPage(List.of(Json.obj("{lines: [{sku: 'S1'}, {sku: 'S2'}, {sku: 'S1'}]}"),
                Json.obj("{lines: [{sku: 'S2'}, {price: 1}]}")), new LookupResolver(source), Operation.CREATE);
        assertThat(results.get(0).record().get("item")).isEqualTo(Json.parse("[{item: '11'}, {item: '12'}, {item: '11'}]"));
        assertThat(results.get(1).record().get("item")).isEqualTo(Json.parse("[{item: '12'}, {}]"));
        assertThat(source.callKeys).containsExactly(List.of("S1", "S2"));
    }

    @Test
    void immutableDynamicFieldsAreNotAskedOnUpdate() {
        InMemoryLookupSource source = new InMemoryLookupSource().put("customer", "a@x", "1");
        Mapping m = Mapping.compile(Json.parse("{fields: [{extract: 'email', generate: 'e', lookupName: 'customer', immutable: true}]}"),
                Json.parse(DYNAMIC_LOOKUPS));
        assertThat(m.applyPage(records("a@x"), new LookupResolver(source), Operation.UPDATE).get(0).record())
                .isEqualTo(Json.parse("{}"));
        assertThat(source.calls).isEmpty();
    }

    @Test
    void sourceWithTheDefaultCacheKeyGetsDistinctValuesOfAnyType() {
        List<List<String>> asked = new ArrayList<>();
        io.integrator.spi.LookupSource byText = (definition, queries) -> {
            List<String> keys = new ArrayList<>();
            List<List<JsonNode>> out = new ArrayList<>();
            for (io.integrator.spi.LookupQuery q : queries) {
                keys.add(q.value().toString());
                out.add(List.of(Json.MAPPER.getNodeFactory().textNode("id-" + q.value().asText())));
            }
            asked.add(keys);
            return out;
        };
        Mapping m = Mapping.compile(Json.parse("{fields: [{extract: 'k', generate: 'id', lookupName: 'l'}]}"),
                Json.parse("[{name: 'l', relativeURI: '/items/{k}', extract: 'id'}]"));
        List<RecordResult> results = m.applyPage(List.of(Json.obj("{k: 'a'}"), Json.obj("{k: 7}"), Json.obj("{k: 'a'}"),
                Json.obj("{k: 7}"), Json.obj("{k: true}")), new LookupResolver(byText), Operation.CREATE);
        assertThat(results).extracting(r -> r.record().get("id").textValue())
                .containsExactly("id-a", "id-7", "id-a", "id-7", "id-true");
        assertThat(asked).containsExactly(List.of("\"a\"", "7", "true"));
    }
}
