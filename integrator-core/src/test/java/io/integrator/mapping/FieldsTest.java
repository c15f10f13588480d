package io.integrator.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Field properties: path forms, templates, hard-coded values, nested generate, discardIfEmpty, immutable. */
class FieldsTest {

    static final ObjectNode RECORD = Json.obj("""
            {"a": {"b": {"c": 1}}, "lines": [{"sku": "S1"}, {"sku": "S2"}], "first name": "Ada",
             "billing.city": "Paris", "billing": {"city": "Lyon"}, "obj": {"0": "zero"}, "n": null,
             "first_name": "Ada", "last_name": "Lovelace", "price": 12.5, "tags": ["x", "y"], "empty": ""}
            """);

    static JsonNode map(String fieldsJson) {
        RecordResult r = Mapping.compile(Json.parse("{fields: " + fieldsJson + "}"), null).apply(RECORD);
        assertThat(r.errors()).isEmpty();
        return r.record();
    }

    static JsonNode one(String extract) {
        return map("[{extract: " + Json.MAPPER.getNodeFactory().textNode(extract) + ", generate: 'v'}]").get("v");
    }

    @Test
    void dottedPaths() {
        assertThat(one("a.b.c").intValue()).isEqualTo(1);
        assertThat(one("a.b")).isEqualTo(Json.parse("{c: 1}"));
    }

    @Test
    void numericSegmentsAndIndexes() {
        assertThat(one("lines.0.sku").textValue()).isEqualTo("S1");
        assertThat(one("lines[1].sku").textValue()).isEqualTo("S2");
        assertThat(one("lines.1['sku']").textValue()).isEqualTo("S2");
        assertThat(one("tags[1]").textValue()).isEqualTo("y");
        // a numeric segment on an object names the field with those digits
        assertThat(one("obj.0").textValue()).isEqualTo("zero");
    }

    @Test
    void bracketedNamesWithSpacesAndDots() {
        assertThat(one("['first name']").textValue()).isEqualTo("Ada");
        assertThat(one("[\"first name\"]").textValue()).isEqualTo("Ada");
        assertThat(one("[first name]").textValue()).isEqualTo("Ada");
        assertThat(one("[billing.city]").textValue()).isEqualTo("Paris");
        assertThat(one("['billing.city']").textValue()).isEqualTo("Paris");
        assertThat(one("billing.city").textValue()).isEqualTo("Lyon");
    }

    @Test
    void missingExtractLeavesFieldOutButNullIsWritten() {
        JsonNode out = map("[{extract: 'nope.deeper', generate: 'a'}, {extract: 'lines.7.sku', generate: 'b'},"
                + " {extract: 'n', generate: 'c'}]");
        assertThat(out.has("a")).isFalse();
        assertThat(out.has("b")).isFalse();
        assertThat(out.get("c").isNull()).isTrue();
    }

    @Test
    void singleBraceTemplates() {
        assertThat(one("{first_name} {last_name}").textValue()).isEqualTo("Ada Lovelace");
        assertThat(one("{first_name} {middle_name}!").textValue()).isEqualTo("Ada !");
        assertThat(one("{n}|{price}|{a.b.c}|{lines[0].sku}").textValue()).isEqualTo("|12.5|1|S1");
        assertThat(one("\\{literal\\} {first_name}").textValue()).isEqualTo("{literal} Ada");
        assertThat(one("{['first name']}").textValue()).isEqualTo("Ada");
    }

    @Test
    void handlebarsTemplates() {
        assertThat(one("{{first_name}} {{last_name}}").textValue()).isEqualTo("Ada Lovelace");
        assertThat(one("{{upper last_name}}").textValue()).isEqualTo("LOVELACE");
        assertThat(one("{{#each lines}}{{sku}};{{/each}}").textValue()).isEqualTo("S1;S2;");
        assertThat(one("{{#if missing}}yes{{else}}no{{/if}}").textValue()).isEqualTo("no");
        assertThat(one("{{#eq first_name 'Ada'}}hi{{/eq}}").textValue()).isEqualTo("hi");
        assertThat(one("{{a.b.c}} <{{nothing}}> & {{price}}").textValue()).isEqualTo("1 <> & 12.5");
    }

    @Test
    void hardCodedValuesOfAnyType() {
        JsonNode out = map("[{generate: 's', hardCodedValue: 'webstore'}, {generate: 'b', hardCodedValue: false},"
                + " {generate: 'n', hardCodedValue: 3}, {generate: 'o', hardCodedValue: {k: [1]}},"
                + " {generate: 'z', hardCodedValue: null}]");
        assertThat(out).isEqualTo(Json.parse("{s: 'webstore', b: false, n: 3, o: {k: [1]}, z: null}"));
    }

    @Test
    void hardCodedContainersAreCopiedPerRecord() {
        Mapping m = Mapping.compile(Json.parse("{fields: [{generate: 'o', hardCodedValue: {k: 1}}]}"), null);
        ObjectNode first = m.apply(RECORD).record();
        ((ObjectNode) first.get("o")).put("k", 2);
        assertThat(m.apply(RECORD).record().get("o").get("k").intValue()).isEqualTo(1);
    }

    @Test
    void extractedContainersAreCopiesNotAliases() {
        ObjectNode source = RECORD.deepCopy();
        ObjectNode out = Mapping.compile(Json.parse("{fields: [{extract: 'a', generate: 'x'}]}"), null).apply(source).record();
        ((ObjectNode) out.get("x")).put("changed", true);
        assertThat(source.get("a").has("changed")).isFalse();
    }

    @Test
    void dotsInGenerateBuildNestedObjects() {
        JsonNode out = map("[{extract: 'first_name', generate: 'billing.name.first'},"
                + " {extract: 'last_name', generate: 'billing.name.last'}, {extract: 'price', generate: 'billing.total'},"
                + " {extract: 'price', generate: \"['x.y']\"}]");
        assertThat(out).isEqualTo(Json.parse(
                "{billing: {name: {first: 'Ada', last: 'Lovelace'}, total: 12.5}, 'x.y': 12.5}"));
    }

    @Test
    void sameGenerateTwiceLastWinsWithWarning() {
        Mapping m = Mapping.compile(Json.parse(
                "{fields: [{extract: 'first_name', generate: 'x'}, {extract: 'last_name', generate: 'x'}]}"), null);
        assertThat(m.apply(RECORD).record().get("x").textValue()).isEqualTo("Lovelace");
        assertThat(m.warnings()).extracting(MappingProblem::path).containsExactly("mapping.fields[1].generate");
    }

    @Test
    void discardIfEmpty() {
        JsonNode out = map("[{extract: 'empty', generate: 'a', discardIfEmpty: true},"
                + " {extract: 'n', generate: 'b', discardIfEmpty: 'true'},"
                + " {hardCodedValue: [], generate: 'c', discardIfEmpty: true},"
                + " {hardCodedValue: {}, generate: 'd', discardIfEmpty: true},"
                + " {extract: 'empty', generate: 'e'}, {extract: 'first_name', generate: 'f', discardIfEmpty: true}]");
        assertThat(out).isEqualTo(Json.parse("{e: '', f: 'Ada'}"));
    }

    @Test
    void immutableFieldsAreWrittenOnCreateOnly() {
        Mapping m = Mapping.compile(Json.parse("{fields: [{extract: 'first_name', generate: 'a', immutable: true},"
                + " {extract: 'last_name', generate: 'b'}], lists: [{generate: 'l', fields: ["
                + "{extract: 'lines[*].sku', generate: 'sku'}, {hardCodedValue: 1, generate: 'once', immutable: 'true'}]}]}"), null);
        assertThat(m.apply(RECORD, Operation.CREATE).record()).isEqualTo(Json.parse(
                "{a: 'Ada', b: 'Lovelace', l: [{sku: 'S1', once: 1}, {sku: 'S2', once: 1}]}"));
        assertThat(m.apply(RECORD, Operation.UPDATE).record()).isEqualTo(Json.parse(
                "{b: 'Lovelace', l: [{sku: 'S1'}, {sku: 'S2'}]}"));
    }

    @Test
    void absentMappingPassesTheRecordThroughAsACopy() {
        ObjectNode source = RECORD.deepCopy();
        for (JsonNode absent : new JsonNode[] {null, Json.parse("null")}) {
            RecordResult r = Mapping.compile(absent, null).apply(source);
            assertThat(r.record()).isEqualTo(source).isNotSameAs(source);
        }
    }

    @Test
    void emptyMappingGivesAnEmptyRecord() {
        assertThat(Mapping.compile(Json.parse("{}"), null).apply(RECORD).record()).isEqualTo(Json.parse("{}"));
    }

    @Test
    void applyDoesNotModifyTheSourceRecord() {
        ObjectNode source = RECORD.deepCopy();
        Mapping.compile(Json.parse("{fields: [{extract: 'a', generate: 'a.x'}], lists: [{generate: 'l', fields: "
                + "[{extract: 'lines[*]', generate: 'line'}]}]}"), null).apply(source);
        assertThat(source).isEqualTo(RECORD);
    }

    @Test
    void singleRecordApplyRejectsDynamicLookups() {
        Mapping m = Mapping.compile(Json.parse("{fields: [{extract: 'first_name', generate: 'x', lookupName: 'l'}]}"),
                Json.parse("[{name: 'l', relativeURI: '/x', extract: 'id'}]"));
        assertThat(m.usesDynamicLookups()).isTrue();
        assertThatThrownBy(() -> m.apply(RECORD)).isInstanceOf(IllegalStateException.class);
    }
}
