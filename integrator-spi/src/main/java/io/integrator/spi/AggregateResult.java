package io.integrator.spi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The outcome of one aggregate a {@link RecordWriter} completed in {@link RecordWriter#finish()}:
 * typically one file a file import wrote from many records. It is what the {@code postAggregate}
 * hook receives as {@code postAggregateData}.
 *
 * @param success true when the aggregate was written completely
 * @param name the aggregate's name, e.g. the file name as written at the destination
 * @param error why it failed, or null on success
 */
public record AggregateResult(boolean success, String name, ErrorItem error) {

  /** Requires a name, and an error exactly when {@code success} is false. */
  public AggregateResult {
    Objects.requireNonNull(name, "name");
    if (success != (error == null)) {
      throw new IllegalArgumentException("a failed aggregate needs an error, a successful one none");
    }
  }

  /** A written aggregate. */
  public static AggregateResult written(String name) {
    return new AggregateResult(true, name, null);
  }

  /** An aggregate that could not be written. */
  public static AggregateResult failed(String name, ErrorItem error) {
    return new AggregateResult(false, name, Objects.requireNonNull(error, "error"));
  }

  /**
   * The hook's {@code postAggregateData}: {@code {success, _json: {name}, code?, message?,
   * source?}}.
   */
  public ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("success", success);
    n.putObject("_json").put("name", name);
    if (error != null) {
      n.put("code", error.code());
      n.put("message", error.message());
      if (error.source() != null) {
        n.put("source", error.source());
      }
    }
    return n;
  }
}
