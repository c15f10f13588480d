package io.integrator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** dataType conversions, date formats and time zones, and conversion errors. */
class DataTypeTest {

    static RecordResult convert(String fieldExtras, String valueJson) {
        ObjectNode record = Json.obj("{v: " + valueJson + "}");
        return Mapping.compile(Json.parse("{fields: [{extract: 'v', generate: 'out'" + fieldExtras + "}]}"), null)
                .apply(record);
    }

    static JsonNode ok(String fieldExtras, String valueJson) {
        RecordResult r = convert(fieldExtras, valueJson);
        assertThat(r.errors()).isEmpty();
        return r.record().get("out");
    }

    @Test
    void string() {
        assertThat(ok(", dataType: 'string'", "12.5")).isEqualTo(Json.parse("'12.5'"));
        assertThat(ok(", dataType: 'string'", "true")).isEqualTo(Json.parse("'true'"));
        assertThat(ok(", dataType: 'string'", "{a: 1}")).isEqualTo(Json.parse("'{\"a\":1}'"));
        assertThat(ok(", dataType: 'string'", "null").isNull()).isTrue();
    }

    @Test
    void number() {
        assertThat(ok(", dataType: 'number'", "'42'").longValue()).isEqualTo(42L);
        assertThat(ok(", dataType: 'number'", "' -7 '").longValue()).isEqualTo(-7L);
        assertThat(ok(", dataType: 'number'", "'12.50'").decimalValue()).isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(ok(", dataType: 'number'", "'1e3'").decimalValue()).isEqualByComparingTo(new BigDecimal("1000"));
        assertThat(ok(", dataType: 'number'", "3.25").doubleValue()).isEqualTo(3.25);
        assertThat(ok(", dataType: 'number'", "''").isNull()).isTrue();
    }

    @Test
    void numberConversionFailureIsAValueError() {
        RecordResult r = convert(", dataType: 'number'", "'abc'");
        assertThat(r.isSuccess()).isFalse();
        assertThat(r.record()).isNull();
        MappingError e = r.errors().get(0);
        assertThat(e.code()).isEqualTo("invalid_value");
        assertThat(e.source()).isEqualTo("mapping");
        assertThat(e.classification()).isEqualTo("value");
        assertThat(e.extract()).isEqualTo("v");
        assertThat(e.generate()).isEqualTo("out");
        assertThat(e.extracted()).isEqualTo(Json.parse("'abc'"));
        assertThat(e.message()).isEqualTo("field extract \"v\" generate \"out\": cannot convert \"abc\" to number");
        assertThat(convert(", dataType: 'number'", "true").errors()).hasSize(1);
    }

    @Test
    void booleans() {
        for (String t : new String[] {"true", "'true'", "'TRUE'", "1", "'1'", "'yes'", "'Yes'"}) {
            assertThat(ok(", dataType: 'boolean'", t).booleanValue()).as(t).isTrue();
        }
        for (String f : new String[] {"false", "'false'", "0", "'0'", "'no'", "0.0"}) {
            assertThat(ok(", dataType: 'boolean'", f).booleanValue()).as(f).isFalse();
        }
        assertThat(ok(", dataType: 'boolean'", "''").isNull()).isTrue();
        for (String bad : new String[] {"'maybe'", "2", "'y'", "[true]"}) {
            RecordResult r = convert(", dataType: 'boolean'", bad);
            assertThat(r.errors()).as(bad).singleElement().satisfies(e -> {
                assertThat(e.classification()).isEqualTo("value");
                assertThat(e.message()).contains("to boolean");
            });
        }
    }

    @Test
    void dateDefaultsAreIso8601Utc() {
        assertThat(ok(", dataType: 'date'", "'2024-03-05T14:30:00+02:00'").textValue()).isEqualTo("2024-03-05T12:30:00.000Z");
        assertThat(ok(", dataType: 'date'", "'2024-03-05T14:30:00Z'").textValue()).isEqualTo("2024-03-05T14:30:00.000Z");
        assertThat(ok(", dataType: 'date'", "'2024-03-05 14:30:00'").textValue()).isEqualTo("2024-03-05T14:30:00.000Z");
        assertThat(ok(", dataType: 'date'", "'2024-03-05'").textValue()).isEqualTo("2024-03-05T00:00:00.000Z");
        assertThat(ok(", dataType: 'date'", "1709649000000").textValue()).isEqualTo("2024-03-05T14:30:00.000Z");
    }

    @Test
    void dateFormatsAndTimeZones() {
        assertThat(ok(", dataType: 'date', extractDateFormat: 'MM/DD/YYYY HH:mm', extractDateTimezone: 'America/New_York',"
                + " generateDateFormat: 'YYYY-MM-DD HH:mm:ss', generateDateTimezone: 'Europe/Paris'", "'03/05/2024 09:30'")
                .textValue()).isEqualTo("2024-03-05 15:30:00");
        assertThat(ok(", extractDateFormat: 'DD.MM.YY', generateDateFormat: 'YYYY-MM-DD'", "'05.03.24'").textValue())
                .isEqualTo("2024-03-05");
        assertThat(ok(", dataType: 'date', extractDateFormat: 'YYYYMMDD'", "20240305").textValue())
                .isEqualTo("2024-03-05T00:00:00.000Z");
        assertThat(ok(", dataType: 'date', extractDateFormat: 'YYYY-MM-DD hh:mm A', generateDateFormat: 'dddd, MMMM D YYYY [at] H:mm'",
                "'2024-03-05 02:05 pm'").textValue()).isEqualTo("Tuesday, March 5 2024 at 14:05");
        assertThat(ok(", dataType: 'date', extractDateFormat: 'YYYY-MM-DDTHH:mm:ss.SSSZ', generateDateFormat: 'x'",
                "'2024-03-05T14:30:00.250+01:00'").longValue()).isEqualTo(1709645400250L);
        assertThat(ok(", dataType: 'date', extractDateFormat: 'X', generateDateFormat: 'YYYY-MM-DDTHH:mm:ssZ',"
                + " generateDateTimezone: 'Asia/Tokyo'", "1709649000").textValue()).isEqualTo("2024-03-05T23:30:00+09:00");
        assertThat(ok(", dataType: 'date', extractDateFormat: 'DD MMM YYYY', generateDateFormat: 'ZZ'", "'05 mar 2024'")
                .textValue()).isEqualTo("+0000");
    }

    @Test
    void dateParseFailureIsAValueError() {
        RecordResult r = convert(", dataType: 'date', extractDateFormat: 'MM/DD/YYYY'", "'2024-03-05'");
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.classification()).isEqualTo("value");
            assertThat(e.message()).contains("cannot convert \"2024-03-05\" to date with format \"MM/DD/YYYY\"");
        });
        assertThat(convert(", dataType: 'date'", "'yesterday'").errors()).hasSize(1);
    }

    @Test
    void conversionAppliesAfterTheLookup() {
        ObjectNode record = Json.obj("{code: 'A'}");
        RecordResult r = Mapping.compile(Json.parse("{fields: [{extract: 'code', generate: 'n', lookupName: 'm', dataType: 'number'}]}"),
                Json.parse("[{name: 'm', map: {A: '10'}}]")).apply(record);
        assertThat(r.record().get("n").longValue()).isEqualTo(10L);
    }

    @Test
    void allErrorsOfARecordAreReported() {
        ObjectNode record = Json.obj("{a: 'x', b: 'y'}");
        RecordResult r = Mapping.compile(Json.parse("{fields: [{extract: 'a', generate: 'a', dataType: 'number'},"
                + " {extract: 'b', generate: 'b', dataType: 'boolean'}]}"), null).apply(record);
        assertThat(r.errors()).extracting(MappingError::generate).containsExactly("a", "b");
    }
}
