package io.integrator.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Compile-time problems: every problem is reported with its path relative to the import. */
class ProblemsTest {

    static List<MappingProblem> problems(String mapping, String lookups) {
        return Mapping.check(Json.parse(mapping), lookups == null ? null : Json.parse(lookups));
    }

    static MappingProblem only(String mapping, String lookups) {
        List<MappingProblem> p = problems(mapping, lookups);
        assertThat(p).hasSize(1);
        return p.get(0);
    }

    @Test
    void compileThrowsWithAllProblems() {
        assertThatThrownBy(() -> Mapping.compile(Json.parse(
                "{fields: [{extract: 'a[*]', generate: 'x'}, {extract: 'b', generate: 'y', lookupName: 'nope'}]}"), null))
                .isInstanceOfSatisfying(MappingDefinitionException.class, e -> {
                    assertThat(e.problems()).extracting(MappingProblem::path)
                            .containsExactly("mapping.fields[0].extract", "mapping.fields[1].lookupName");
                    assertThat(e.getMessage()).contains("mapping.fields[0].extract: [*] is allowed only inside mapping.lists; move this field into a list or pick one element (e.g. lines.0.sku)");
                });
    }

    @Test
    void malformedPaths() {
        for (String bad : new String[] {"a..b", ".a", "a.", "a[0", "a[]", "['a]", "a]b", "a[0]b"}) {
            MappingProblem p = only("{fields: [{extract: \"" + bad + "\", generate: 'x'}]}", null);
            assertThat(p.path()).as(bad).isEqualTo("mapping.fields[0].extract");
            assertThat(p.message()).as(bad).startsWith("malformed path or template");
        }
    }

    @Test
    void malformedTemplates() {
        assertThat(only("{fields: [{extract: '{a} {b', generate: 'x'}]}", null).message()).contains("unclosed '{'");
        assertThat(only("{fields: [{extract: '{a} }', generate: 'x'}]}", null).message()).contains("unmatched '}'");
        assertThat(only("{fields: [{extract: '{}', generate: 'x'}]}", null).message()).contains("empty '{}'");
        assertThat(only("{fields: [{extract: '{{#if a}}x', generate: 'x'}]}", null).message()).contains("handlebars");
        assertThat(only("{fields: [{extract: 'x', generate: 'a..b'}]}", null).path()).isEqualTo("mapping.fields[0].generate");
    }

    @Test
    void wildcardOnlyInsideLists() {
        assertThat(only("{fields: [{extract: 'lines[*].sku', generate: 'x'}]}", null))
                .isEqualTo(new MappingProblem("mapping.fields[0].extract", "[*] is allowed only inside mapping.lists; move this field into a list or pick one element (e.g. lines.0.sku)"));
        assertThat(only("{fields: [{extract: '{lines[*].sku}', generate: 'x'}]}", null).message())
                .isEqualTo("[*] is allowed only inside mapping.lists; move this field into a list or pick one element (e.g. lines.0.sku)");
        assertThat(problems("{lists: [{generate: 'l', fields: [{extract: 'lines[*].sku', generate: 'x'}]}]}", null)).isEmpty();
        assertThat(only("{lists: [{generate: 'l', fields: [{extract: 'x', generate: 'a[*]'}]}]}", null).path())
                .isEqualTo("mapping.lists[0].fields[0].generate");
    }

    @Test
    void hardCodedValueWithExtract() {
        assertThat(only("{fields: [{extract: 'a', hardCodedValue: 1, generate: 'x'}]}", null))
                .isEqualTo(new MappingProblem("mapping.fields[0]", "hardCodedValue and extract cannot be used together; keep one of them"));
    }

    @Test
    void unknownAndDuplicateLookups() {
        assertThat(only("{lists: [{generate: 'l', fields: [{extract: 'a', generate: 'x'}, {extract: 'b', generate: 'y', lookupName: 'z'}]}]}",
                "[{name: 'a', map: {}}]")).isEqualTo(new MappingProblem("mapping.lists[0].fields[1].lookupName", "unknown lookup \"z\"", "z"));
        assertThat(only("{fields: [{extract: 'b', generate: 'y', lookup: 'z'}]}", null).path()).isEqualTo("mapping.fields[0].lookup");
        List<MappingProblem> p = Mapping.check(Json.parse("{}"), Json.parse(
                "[{name: 'a', map: {}}, {name: 'a', recordType: 'item'}, {map: {}}, {name: 'c', map: [], allowFailures: 'maybe'}]"),
                "netsuite.lookups");
        assertThat(p).extracting(MappingProblem::path).containsExactly("netsuite.lookups[1].name", "netsuite.lookups[2].name",
                "netsuite.lookups[3].map");
        assertThat(p.get(0).message()).isEqualTo("duplicate lookup name \"a\"");
    }

    @Test
    void listGenerateConflicts() {
        assertThat(only("{lists: [{generate: 'l', fields: [{extract: 'a[*]', generate: 'x'}]}, "
                + "{generate: 'l', fields: [{extract: 'b[*]', generate: 'y'}]}]}", null))
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("mapping.lists[1].generate");
                    assertThat(p.message()).startsWith("two lists with the same generate \"l\"");
                });
        assertThat(only("{fields: [{extract: 'a', generate: 'l'}], lists: [{generate: 'l', fields: [{extract: 'a', generate: 'x'}]}]}", null)
                .message()).contains("both by a field and a list");
    }

    @Test
    void generateUsedAsScalarAndObject() {
        assertThat(only("{fields: [{extract: 'a', generate: 'billing'}, {extract: 'b', generate: 'billing.city'}]}", null))
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("mapping.fields[1].generate");
                    assertThat(p.message()).contains("already uses as a value");
                });
        assertThat(only("{fields: [{extract: 'b', generate: 'billing.city'}, {extract: 'a', generate: 'billing'}]}", null).message())
                .contains("both as a value and as an object");
        assertThat(only("{lists: [{generate: 'l', fields: [{extract: 'a', generate: 'x.y'}, {extract: 'a', generate: 'x'}]}]}", null)
                .path()).isEqualTo("mapping.lists[0].fields[1].generate");
    }

    @Test
    void badDataTypesFormatsAndZones() {
        assertThat(only("{fields: [{extract: 'a', generate: 'x', dataType: 'integer'}]}", null).path())
                .isEqualTo("mapping.fields[0].dataType");
        assertThat(only("{fields: [{extract: 'a', generate: 'x', dataType: 'date', extractDateFormat: 'YYYY-QQ'}]}", null))
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("mapping.fields[0].extractDateFormat");
                    assertThat(p.message()).contains("unknown date token 'Q'");
                });
        assertThat(only("{fields: [{extract: 'a', generate: 'x', generateDateFormat: 'YYYY [oops'}]}", null).path())
                .isEqualTo("mapping.fields[0].generateDateFormat");
        assertThat(only("{fields: [{extract: 'a', generate: 'x', dataType: 'date', extractDateTimezone: 'Mars/Base'}]}", null))
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("mapping.fields[0].extractDateTimezone");
                    assertThat(p.message()).contains("unknown time zone \"Mars/Base\"");
                });
        assertThat(only("{fields: [{extract: 'a', generate: 'x', dataType: 'number', generateDateFormat: 'YYYY'}]}", null).message())
                .contains("need dataType date");
    }

    @Test
    void shapeProblems() {
        assertThat(only("{fields: {}}", null).path()).isEqualTo("mapping.fields");
        assertThat(only("{fields: [{extract: 'a', generate: 'x', extarct: 'b'}]}", null))
                .isEqualTo(new MappingProblem("mapping.fields[0].extarct", "unknown property"));
        assertThat(only("{fields: [{extract: 'a'}]}", null).path()).isEqualTo("mapping.fields[0].generate");
        assertThat(only("{fields: [{generate: 'x'}]}", null).message()).contains("needs extract, hardCodedValue or lookupName");
        assertThat(only("{fields: [{extract: 'a', generate: 'x', discardIfEmpty: 'sometimes'}]}", null).path())
                .isEqualTo("mapping.fields[0].discardIfEmpty");
        assertThat(only("{lists: [{generate: 'l'}]}", null).path()).isEqualTo("mapping.lists[0].fields");
        assertThat(Mapping.check(Json.parse("[]"), null)).containsExactly(
                new MappingProblem("mapping", "must be an object with fields and lists"));
    }

    @Test
    void everyProblemIsCollected() {
        assertThat(problems("{fields: [{extract: 'a[*]', generate: 'x'}, {extract: 'a', hardCodedValue: 1, generate: 'y', dataType: 'x'}],"
                + " lists: [{generate: 'l', fields: [{extract: 'a..b', generate: 'q'}]}]}", "[{name: 'a', map: {}}, {name: 'a', map: {}}]"))
                .extracting(MappingProblem::path).containsExactlyInAnyOrder("lookups[1].name", "mapping.fields[0].extract",
                        "mapping.fields[1]", "mapping.fields[1].dataType", "mapping.lists[0].fields[0].extract");
    }
}
