package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.DocumentDateFormat;
import io.integrator.spi.ExportContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Client-side delta filter of REST exports (REFERENCE §3.3, decided): when a delta export names
 * {@code delta.dateField}, fetched records are kept only when one of the listed fields
 * (comma-separated) holds a date inside the window {@code lastExportDateTime < date <=
 * currentExportDateTime}, as a safety net behind the request's placeholders.
 *
 * <p>Dates are read as ISO-8601 instants or offset date-times, ISO local date-times and dates
 * (UTC), the export's {@code delta.dateFormat} (UTC), or numbers as epoch milliseconds (epoch
 * seconds with {@code dateFormat: "X"}). A value with only a date keeps the record when that UTC
 * day overlaps the window. A record none of whose fields holds a readable date is <b>kept</b>:
 * exporting a record twice is better than losing it silently.
 */
final class DeltaFilter {
  private final List<String> fields;
  private final Instant lower;
  private final Instant upper;
  private final String format;
  private final DateTimeFormatter parser;

  private DeltaFilter(List<String> fields, Instant lower, Instant upper, String format) {
    this.fields = fields;
    this.lower = lower;
    this.upper = upper;
    this.format = format;
    DateTimeFormatter p = null;
    if (format != null && !format.equals(DocumentDateFormat.EPOCH_SECONDS)
        && !format.equals(DocumentDateFormat.EPOCH_MILLIS)) {
      try {
        p = DocumentDateFormat.parser(format);
      } catch (IllegalArgumentException e) {
        p = null;
      }
    }
    this.parser = p;
  }

  /** The filter of a delta export with {@code delta.dateField}, else empty. */
  static Optional<DeltaFilter> of(ExportContext ctx) {
    String type = ctx.export().path("type").asText("");
    if (!type.equals("delta") && !type.equals("tranlinedelta")) {
      return Optional.empty();
    }
    String dateField = RestConnection.textOrNull(ctx.export().path("delta").path("dateField"));
    if (dateField == null || ctx.currentExportDateTime().isEmpty()) {
      return Optional.empty();
    }
    List<String> fields = new ArrayList<>();
    for (String f : dateField.split(",")) {
      if (!f.isBlank()) {
        fields.add(f.trim());
      }
    }
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    String format = RestConnection.textOrNull(ctx.export().path("delta").path("dateFormat"));
    return Optional.of(new DeltaFilter(fields, ctx.lastExportDateTime().orElse(null),
        ctx.currentExportDateTime().get(), format));
  }

  /** True when the record is inside the window or has no readable date. */
  boolean keep(ObjectNode record) {
    boolean readable = false;
    for (String f : fields) {
      JsonNode v = JsonPaths.at(record, f);
      Range r = read(v);
      if (r == null) {
        continue;
      }
      readable = true;
      if ((lower == null || r.end.isAfter(lower)) && !r.start.isAfter(upper)) {
        return true;
      }
    }
    return !readable;
  }

  /** A date as the instants it may stand for: one instant, or a whole UTC day. */
  private record Range(Instant start, Instant end) {}

  private Range read(JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      Instant i = DocumentDateFormat.EPOCH_SECONDS.equals(format)
          ? Instant.ofEpochSecond(v.longValue()) : Instant.ofEpochMilli(v.longValue());
      return new Range(i, i);
    }
    if (!v.isTextual()) {
      return null;
    }
    String t = v.textValue().trim();
    if (t.isEmpty()) {
      return null;
    }
    try {
      Instant i = OffsetDateTime.parse(t).toInstant();
      return new Range(i, i);
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      Instant i = LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
      return new Range(i, i);
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return day(LocalDate.parse(t));
    } catch (DateTimeParseException e) {
      // next form
    }
    if (parser != null) {
      try {
        TemporalAccessor a = parser.parse(t);
        if (!a.isSupported(ChronoField.HOUR_OF_DAY) || !format.matches(".*[Hh].*")) {
          return day(LocalDate.from(a));
        }
        Instant i = LocalDateTime.from(a).toInstant(ZoneOffset.UTC);
        return new Range(i, i);
      } catch (java.time.DateTimeException e) {
        return null;
      }
    }
    return null;
  }

  private static Range day(LocalDate d) {
    Instant start = d.atStartOfDay().toInstant(ZoneOffset.UTC);
    // the day counts when any instant of it is inside the window
    return new Range(start, start.plusSeconds(86_400).minusMillis(1));
  }
}
