package io.integrator.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An immutable filter for {@link ResourceStore#listJobs(JobQuery)}. Each set field must match the
 * job document's field exactly; unset fields match everything. {@link #createdAtGte} and {@link
 * #createdAtLte} bound {@code createdAt} (inclusive, millisecond precision), as the API's
 * {@code createdAt_gte} and {@code createdAt_lte} filters do. Results are newest first
 * ({@code createdAt}, then creation order) and at most {@link #limit()} long.
 *
 * <pre>{@code
 * store.listJobs(JobQuery.all().flowId(flowId).status("completed").limit(10));
 * }</pre>
 */
public final class JobQuery {
  /** The largest limit a query may ask for; the default is 1000. */
  public static final int MAX_LIMIT = 10_000;

  private static final JobQuery ALL = new JobQuery(new String[Field.values().length], null, null, 1000);

  /** Fields of a job document a query can filter on. */
  enum Field {
    INTEGRATION_ID("_integrationId", "integration_id"),
    FLOW_ID("_flowId", "flow_id"),
    EXPORT_ID("_exportId", "export_id"),
    IMPORT_ID("_importId", "import_id"),
    FLOW_JOB_ID("_flowJobId", "flow_job_id"),
    STATUS("status", "job_status"),
    TYPE("type", "job_type");

    final String jsonField;
    final String column;

    Field(String jsonField, String column) {
      this.jsonField = jsonField;
      this.column = column;
    }
  }

  private final String[] values;
  private final Instant createdFrom;
  private final Instant createdTo;
  private final int limit;

  private JobQuery(String[] values, Instant createdFrom, Instant createdTo, int limit) {
    this.values = values;
    this.createdFrom = createdFrom;
    this.createdTo = createdTo;
    this.limit = limit;
  }

  /**
   * A query that matches every job, limited to 1000 rows.
   *
   * @return the query
   */
  public static JobQuery all() {
    return ALL;
  }

  private JobQuery with(Field field, String value) {
    String[] copy = values.clone();
    copy[field.ordinal()] = value;
    return new JobQuery(copy, createdFrom, createdTo, limit);
  }

  /**
   * Jobs whose {@code _integrationId} equals the value (null clears the filter).
   *
   * @param value the value to match, or null for any
   * @return the new query
   */
  public JobQuery integrationId(String value) {
    return with(Field.INTEGRATION_ID, value);
  }

  /**
   * Jobs whose {@code _flowId} equals the value (null clears the filter).
   *
   * @param value the value to match, or null for any
   * @return the new query
   */
  public JobQuery flowId(String value) {
    return with(Field.FLOW_ID, value);
  }

  /**
   * Jobs whose {@code _exportId} equals the value (null clears the filter).
   *
   * @param value the value to match, or null for any
   * @return the new query
   */
  public JobQuery exportId(String value) {
    return with(Field.EXPORT_ID, value);
  }

  /**
   * Jobs whose {@code _importId} equals the value (null clears the filter).
   *
   * @param value the value to match, or null for any
   * @return the new query
   */
  public JobQuery importId(String value) {
    return with(Field.IMPORT_ID, value);
  }

  /**
   * Child jobs whose parent ({@code _flowJobId}) is the given job (null clears the filter).
   *
   * @param value the value to match, or null for any
   * @return the new query
   */
  public JobQuery flowJobId(String value) {
    return with(Field.FLOW_JOB_ID, value);
  }

  /**
   * Jobs with this {@code status}, e.g. {@code running} (null clears the filter).
   *
   * @param value the value to match, or null for any
   * @return the new query
   */
  public JobQuery status(String value) {
    return with(Field.STATUS, value);
  }

  /**
   * Jobs with this {@code type}, e.g. {@code flow} (null clears the filter).
   *
   * @param value the value to match, or null for any
   * @return the new query
   */
  public JobQuery type(String value) {
    return with(Field.TYPE, value);
  }

  /**
   * Returns a copy with the given row limit.
   *
   * @param limit 1 to {@value #MAX_LIMIT}
   * @return the new query
   * @throws IllegalArgumentException if the limit is out of range
   */
  public JobQuery limit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("A job query limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    return new JobQuery(values, createdFrom, createdTo, limit);
  }

  /**
   * Jobs created at or after an instant ({@code createdAt_gte}).
   *
   * @param instant the lower bound (truncated to milliseconds), or null for none
   * @return the new query
   */
  public JobQuery createdAtGte(Instant instant) {
    return new JobQuery(values, millis(instant), createdTo, limit);
  }

  /**
   * Jobs created at or before an instant ({@code createdAt_lte}); with {@link #limit} this finds the
   * jobs that have expired.
   *
   * @param instant the upper bound (truncated to milliseconds), or null for none
   * @return the new query
   */
  public JobQuery createdAtLte(Instant instant) {
    return new JobQuery(values, createdFrom, millis(instant), limit);
  }

  private static Instant millis(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The lower createdAt bound, or null. */
  Instant createdFrom() {
    return createdFrom;
  }

  /** The upper createdAt bound, or null. */
  Instant createdTo() {
    return createdTo;
  }

  /** {@return the row limit} */
  public int limit() {
    return limit;
  }

  /** The filter value of a field, or null. */
  String value(Field field) {
    return values[field.ordinal()];
  }
}
