package io.integrator.mapping;

import io.integrator.spi.DocumentDateFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * {@code dataType: date}: parses with {@code extractDateFormat} in {@code extractDateTimezone} and writes
 * with {@code generateDateFormat} in {@code generateDateTimezone}. Defaults: ISO-8601 input (with offset,
 * or local date-time / date read in the extract zone, or epoch milliseconds for numbers), output
 * {@code uuuu-MM-dd'T'HH:mm:ss.SSSXXX} in UTC (e.g. {@code 2024-03-05T14:30:00.000Z}).
 */
final class DateConverter extends Converter {

    static final DateTimeFormatter DEFAULT_OUTPUT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private final String extractFormat;
    private final DateTimeFormatter parser;
    private final ZoneId extractZone;
    private final String generateFormat;
    private final DateTimeFormatter printer;

    /**
     * @throws IllegalArgumentException for a bad format (message starts with the property name)
     */
    DateConverter(String extractFormat, ZoneId extractZone, String generateFormat, ZoneId generateZone) {
        this.extractFormat = extractFormat;
        this.extractZone = extractZone == null ? ZoneOffset.UTC : extractZone;
        ZoneId outZone = generateZone == null ? ZoneOffset.UTC : generateZone;
        this.generateFormat = generateFormat;
        if (extractFormat == null || isEpoch(extractFormat)) {
            this.parser = null;
        } else {
            try {
                this.parser = DocumentDateFormat.parser(extractFormat);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("extractDateFormat: " + e.getMessage());
            }
        }
        if (generateFormat == null) {
            this.printer = DEFAULT_OUTPUT.withZone(outZone);
        } else if (isEpoch(generateFormat)) {
            this.printer = null;
        } else {
            try {
                this.printer = DocumentDateFormat.printer(generateFormat).withZone(outZone);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("generateDateFormat: " + e.getMessage());
            }
        }
    }

    private static boolean isEpoch(String f) {
        return f.equals(DocumentDateFormat.EPOCH_SECONDS) || f.equals(DocumentDateFormat.EPOCH_MILLIS);
    }

    @Override
    JsonNode convert(JsonNode v) throws ConversionException {
        if (v.isNull()) {
            return v;
        }
        Instant instant = parse(v);
        if (instant == null) {
            return NullNode.getInstance();
        }
        if (printer == null) {
            long n = generateFormat.equals(DocumentDateFormat.EPOCH_SECONDS) ? instant.getEpochSecond() : instant.toEpochMilli();
            return JsonNodeFactory.instance.numberNode(n);
        }
        return JsonNodeFactory.instance.textNode(printer.format(instant));
    }

    private Instant parse(JsonNode v) throws ConversionException {
        if (extractFormat != null && isEpoch(extractFormat)) {
            long n;
            if (v.isIntegralNumber()) {
                n = v.longValue();
            } else if (v.isTextual() && v.textValue().trim().matches("-?\\d+")) {
                n = Long.parseLong(v.textValue().trim());
            } else {
                throw new ConversionException("cannot convert " + v + " to date with format \"" + extractFormat + "\"");
            }
            return extractFormat.equals(DocumentDateFormat.EPOCH_SECONDS) ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
        }
        if (parser == null && v.isIntegralNumber()) {
            return Instant.ofEpochMilli(v.longValue());
        }
        if (!v.isValueNode() || v.isBoolean()) {
            throw cannot(v, "date");
        }
        String s = v.asText().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            if (parser != null) {
                TemporalAccessor t = parser.parse(s);
                if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
                    return ZonedDateTime.of(LocalDateTime.from(t), ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)))
                            .toInstant();
                }
                return LocalDateTime.from(t).atZone(extractZone).toInstant();
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(extractZone).toInstant();
            }
            if (s.length() > 10 && s.charAt(10) == ' ') {
                s = s.substring(0, 10) + 'T' + s.substring(11);
            }
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(s, ZonedDateTime::from, LocalDateTime::from);
            if (t instanceof ZonedDateTime) {
                return ((ZonedDateTime) t).toInstant();
            }
            return ((LocalDateTime) t).atZone(extractZone).toInstant();
        } catch (DateTimeException e) {
            throw new ConversionException("cannot convert " + v + " to date"
                    + (extractFormat == null ? " (expected ISO-8601)" : " with format \"" + extractFormat + "\""));
        }
    }
}
