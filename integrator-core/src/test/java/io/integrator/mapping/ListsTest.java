package io.integrator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Lists, REFERENCE §5 rules 1-6. */
class ListsTest {

    static JsonNode map(String mappingJson, String recordJson) {
        RecordResult r = Mapping.compile(Json.parse(mappingJson), null).apply(Json.obj(recordJson));
        assertThat(r.errors()).isEmpty();
        return r.record();
    }

    @Test
    void rules1To4IndexAlignedScalarsRepeatLongestWinsMissingLeftOut() {
        JsonNode out = map("""
                {lists: [{generate: 'lines', fields: [
                  {extract: 'a[*].x', generate: 'x'}, {extract: 'b[*]', generate: 'b'}, {extract: 'k', generate: 'k'}]}]}
                """, "{a: [{x: 1}, {y: 2}, {x: 3}], b: ['p', 'q', 'r', 's'], k: 'K'}");
        assertThat(out.get("lines")).isEqualTo(Json.parse("""
                [{x: 1, b: 'p', k: 'K'}, {b: 'q', k: 'K'}, {x: 3, b: 'r', k: 'K'}, {b: 's', k: 'K'}]"""));
    }

    @Test
    void rule5NoWildcardGivesOneLine() {
        JsonNode out = map("{lists: [{generate: 'l', fields: [{extract: 'k', generate: 'k'}, {hardCodedValue: 1, generate: 'h'}]}]}",
                "{k: 'K'}");
        assertThat(out).isEqualTo(Json.parse("{l: [{k: 'K', h: 1}]}"));
    }

    @Test
    void rule5ZeroLinesLeavesTheKeyOut() {
        String mapping = "{fields: [{extract: 'k', generate: 'k'}], lists: [{generate: 'l', fields: "
                + "[{extract: 'a[*].x', generate: 'x'}, {extract: 'k', generate: 'k'}]}]}";
        assertThat(map(mapping, "{k: 1}")).isEqualTo(Json.parse("{k: 1}"));
        assertThat(map(mapping, "{k: 1, a: []}")).isEqualTo(Json.parse("{k: 1}"));
        assertThat(map(mapping, "{k: 1, a: null}")).isEqualTo(Json.parse("{k: 1}"));
    }

    @Test
    void rule6NestedWildcardsFlattenInDocumentOrder() {
        JsonNode out = map("""
                {lists: [{generate: 'lines', fields: [
                  {extract: 'orders[*].lines[*].sku', generate: 'sku'}, {extract: 'orders[*].id', generate: 'order'}]}]}
                """, """
                {orders: [{id: 'o1', lines: [{sku: 'a'}, {sku: 'b'}]}, {id: 'o2', lines: []}, {id: 'o3', lines: [{qty: 1}, {sku: 'c'}]}]}
                """);
        assertThat(out.get("lines")).isEqualTo(Json.parse(
                "[{sku: 'a', order: 'o1'}, {sku: 'b', order: 'o2'}, {order: 'o3'}, {sku: 'c'}]"));
    }

    @Test
    void aSingleObjectAtAWildcardCountsAsOneElement() {
        JsonNode out = map("{lists: [{generate: 'l', fields: [{extract: 'a[*].x', generate: 'x'}]}]}", "{a: {x: 7}}");
        assertThat(out).isEqualTo(Json.parse("{l: [{x: 7}]}"));
    }

    @Test
    void nestedGenerateInsideLinesAndDottedListGenerate() {
        JsonNode out = map("""
                {lists: [{generate: 'sublist.items', fields: [
                  {extract: 'a[*].x', generate: 'detail.x'}, {extract: 'a[*].y', generate: 'detail.y'}]}]}
                """, "{a: [{x: 1, y: 2}]}");
        assertThat(out).isEqualTo(Json.parse("{sublist: {items: [{detail: {x: 1, y: 2}}]}}"));
    }

    @Test
    void templatesInListsTakeTheLinesElement() {
        JsonNode out = map("""
                {lists: [{generate: 'l', fields: [{extract: '{a[*].first} {a[*].last} ({k})', generate: 'name'}]}]}
                """, "{k: 'K', a: [{first: 'Ada', last: 'L'}, {first: 'Bob'}]}");
        assertThat(out.get("l")).isEqualTo(Json.parse("[{name: 'Ada L (K)'}, {name: 'Bob  (K)'}]"));
    }

    @Test
    void dataTypeAndStaticLookupApplyPerLine() {
        ObjectNode record = Json.obj("{a: [{q: '1', c: 'US'}, {q: '2', c: 'JP'}]}");
        RecordResult r = Mapping.compile(Json.parse("""
                {lists: [{generate: 'l', fields: [{extract: 'a[*].q', generate: 'q', dataType: 'number'},
                  {extract: 'a[*].c', generate: 'cur', lookupName: 'cur'}]}]}
                """), Json.parse("[{name: 'cur', map: {US: 'USD', JP: 'JPY'}}]")).apply(record);
        assertThat(r.record().get("l")).isEqualTo(Json.parse("[{q: 1, cur: 'USD'}, {q: 2, cur: 'JPY'}]"));
    }

    @Test
    void errorsInLinesNameTheLine() {
        RecordResult r = Mapping.compile(Json.parse(
                "{lists: [{generate: 'item', fields: [{extract: 'a[*].price', generate: 'rate', dataType: 'number'}]}]}"), null)
                .apply(Json.obj("{a: [{price: '1'}, {price: '1'}, {price: 'abc'}]}"));
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.generate()).isEqualTo("item[2].rate");
            assertThat(e.extract()).isEqualTo("a[*].price");
            assertThat(e.message()).isEqualTo(
                    "field extract \"a[*].price\" generate \"item[2].rate\": cannot convert \"abc\" to number");
        });
    }

    @Test
    void discardIfEmptyInLines() {
        JsonNode out = map("{lists: [{generate: 'l', fields: [{extract: 'a[*]', generate: 'v', discardIfEmpty: true}]}]}",
                "{a: ['x', '', null, 'y']}");
        assertThat(out.get("l")).isEqualTo(Json.parse("[{v: 'x'}, {}, {}, {v: 'y'}]"));
    }

    @Test
    void handlebarsHardCodedAndLookupOnlyFieldsRepeatOnEveryLine() {
        ObjectNode record = Json.obj("{first: 'Ada', a: [{x: 1}, {x: 2}]}");
        RecordResult r = Mapping.compile(Json.parse("""
                {lists: [{generate: 'l', fields: [{extract: 'a[*].x', generate: 'x', dataType: 'string'},
                  {extract: '{{upper first}}', generate: 'who'}, {hardCodedValue: '7', generate: 'n', dataType: 'number'},
                  {generate: 'none', lookupName: 'fallback'}]}]}
                """), Json.parse("[{name: 'fallback', map: {k: 'v'}, allowFailures: true, default: 'dflt'}]")).apply(record);
        assertThat(r.record().get("l")).isEqualTo(Json.parse(
                "[{x: '1', who: 'ADA', n: 7, none: 'dflt'}, {x: '2', who: 'ADA', n: 7, none: 'dflt'}]"));
    }

    @Test
    void immutableWildcardFieldsDoNotCountTowardsLinesOnUpdate() {
        Mapping m = Mapping.compile(Json.parse("""
                {lists: [{generate: 'l', fields: [{extract: 'a[*]', generate: 'a'},
                  {extract: 'b[*]', generate: 'b', immutable: true}]}]}
                """), null);
        ObjectNode record = Json.obj("{a: [1], b: [1, 2, 3]}");
        assertThat(m.apply(record, Operation.CREATE).record().get("l")).hasSize(3);
        assertThat(m.apply(record, Operation.UPDATE).record().get("l")).isEqualTo(Json.parse("[{a: 1}]"));
    }
}
