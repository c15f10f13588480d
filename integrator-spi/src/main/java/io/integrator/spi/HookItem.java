package io.integrator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One item of a preMap or postMap hook's answer, aligned with the input record at the same index:
 *
 * <ul>
 *   <li>{@link #of(ObjectNode) {data}}: go on with this (possibly changed) record;
 *   <li>{@link #ignore() {}}: skip the record in this import; it counts in {@code numIgnore};
 *   <li>{@link #fail(List) {errors}}: the record fails; each error becomes a job error whose retry
 *       data is the record as it entered the import;
 *   <li>{@code {data, errors}}: go on with the record <em>and</em> store the errors as job errors
 *       without retry data; the later steps decide how the record counts.
 * </ul>
 *
 * @param data the record to go on with, or null
 * @param errors errors to record, never null
 */
public record HookItem(ObjectNode data, List<ErrorItem> errors) {

  /** Copies the error list. */
  public HookItem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** {@code {data}}: process this record. */
  public static HookItem of(ObjectNode data) {
    return new HookItem(java.util.Objects.requireNonNull(data, "data"), List.of());
  }

  /** {@code {}}: ignore the record. */
  public static HookItem ignore() {
    return new HookItem(null, List.of());
  }

  /** {@code {errors}}: the record fails with these errors (at least one). */
  public static HookItem fail(List<ErrorItem> errors) {
    if (errors == null || errors.isEmpty()) {
      throw new IllegalArgumentException("a failing item needs at least one error");
    }
    return new HookItem(null, errors);
  }
}
