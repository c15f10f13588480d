package io.integrator.spi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What an adaptor needs to read an export: the documents, the delta window, the test limit, the
 * runtime data for templates and a cancel signal.
 *
 * <p>Delta window (REFERENCE §3.3): records changed in {@code lastExportDateTime < date <=
 * currentExportDateTime}. {@code lastExportDateTime} is empty on a first run without {@code
 * delta.startDate} (export everything up to {@code currentExportDateTime}); both are empty when the
 * export is not a delta export. Adaptors render them into their request templates as {@code
 * {{lastExportDateTime}}} and {@code {{currentExportDateTime}}}, formatted with {@code
 * delta.dateFormat} when the export has one, else with {@link #iso(Instant)}; an absent lower
 * bound renders as {@code 1970-01-01T00:00:00.000Z}.
 *
 * @param export the export document, read-only
 * @param connection the export's connection document with secrets in clear text (never log it);
 *     an empty object for exports without a connection
 * @param lastExportDateTime lower bound of the delta window, if any
 * @param currentExportDateTime upper bound of the delta window (delta exports only)
 * @param limit the most top-level records the engine will use (test mode, preview, invoke with a
 *     limit), or 0 for no limit; a reader may stop fetching once it has produced that many
 * @param data runtime values for templates (standalone invoke body {@code data}, the record of a
 *     lookup export processor), an empty object when none; read-only
 * @param testMode true for test exports, preview and standalone invocations that must not write
 * @param canceled becomes true when the run is canceled
 * @param state this export's state across runs (the processed-file ledger of file exports); write
 *     it only from {@link PageReader#commit()}
 * @param distributed the export's distributed sub-document ({@code /exports/{id}/distributed},
 *     REFERENCE §3.9) when it has one (NetSuite-side batch exports read their saved search from
 *     it), else an empty object; read-only
 */
public record ExportContext(
    ObjectNode export,
    ObjectNode connection,
    Optional<Instant> lastExportDateTime,
    Optional<Instant> currentExportDateTime,
    int limit,
    ObjectNode data,
    boolean testMode,
    BooleanSupplier canceled,
    ExportState state,
    ObjectNode distributed) {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  /** Checks for nulls; a null {@code connection} or {@code data} becomes an empty object. */
  public ExportContext {
    Objects.requireNonNull(export, "export");
    connection = connection == null ? JsonNodeFactory.instance.objectNode() : connection;
    lastExportDateTime = lastExportDateTime == null ? Optional.empty() : lastExportDateTime;
    currentExportDateTime = currentExportDateTime == null ? Optional.empty() : currentExportDateTime;
    data = data == null ? JsonNodeFactory.instance.objectNode() : data;
    canceled = canceled == null ? () -> false : canceled;
    state = state == null ? ExportState.inMemory() : state;
    distributed = distributed == null ? JsonNodeFactory.instance.objectNode() : distributed;
  }

  /** A context without a distributed sub-document. */
  public ExportContext(
      ObjectNode export,
      ObjectNode connection,
      Optional<Instant> lastExportDateTime,
      Optional<Instant> currentExportDateTime,
      int limit,
      ObjectNode data,
      boolean testMode,
      BooleanSupplier canceled,
      ExportState state) {
    this(
        export,
        connection,
        lastExportDateTime,
        currentExportDateTime,
        limit,
        data,
        testMode,
        canceled,
        state,
        null);
  }

  /** A context whose export state lives in memory only ({@link ExportState#inMemory()}). */
  public ExportContext(
      ObjectNode export,
      ObjectNode connection,
      Optional<Instant> lastExportDateTime,
      Optional<Instant> currentExportDateTime,
      int limit,
      ObjectNode data,
      boolean testMode,
      BooleanSupplier canceled) {
    this(
        export,
        connection,
        lastExportDateTime,
        currentExportDateTime,
        limit,
        data,
        testMode,
        canceled,
        (ExportState) null);
  }

  /** True once the run has been canceled: stop fetching and end the reader. */
  public boolean isCanceled() {
    return canceled.getAsBoolean();
  }

  /** {@code pageSize} of the export (default 20, minimum 1). */
  public int pageSize() {
    int size = export.path("pageSize").asInt(20);
    return size < 1 ? 20 : size;
  }

  /**
   * {@code {{lastExportDateTime}}} as request templates show it: formatted with {@code
   * delta.dateFormat} (UTC) when the export has one, else ISO-8601; {@code 1970-01-01T00:00:00.000Z}
   * (in that format) when there is no lower bound.
   */
  public String lastExportDateTimeText() {
    return deltaText(lastExportDateTime.orElse(Instant.EPOCH));
  }

  /**
   * {@code {{currentExportDateTime}}} as request templates show it, formatted like {@link
   * #lastExportDateTimeText()}; the current time for exports that are not delta exports.
   */
  public String currentExportDateTimeText() {
    return deltaText(currentExportDateTime.orElseGet(Instant::now));
  }

  private String deltaText(Instant instant) {
    String format = export.path("delta").path("dateFormat").asText("");
    return format.isBlank() ? iso(instant) : DocumentDateFormat.format(instant, format);
  }

  /** ISO-8601 UTC with milliseconds, e.g. {@code 2017-10-24T00:55:49.128Z}. */
  public static String iso(Instant instant) {
    return ISO.format(instant);
  }
}
