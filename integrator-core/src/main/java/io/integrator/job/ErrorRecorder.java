package io.integrator.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import io.integrator.store.ResourceStore;
import java.util.List;
import java.util.Optional;

/**
 * Writes Job Error rows and their retry data. Retry data is a Retry resource ({@code type: object},
 * {@code data.id} = its own id) whose payload lives in the store's run state under scope {@value
 * #RETRY_DATA_SCOPE}: {@code {record, _importId, _flowId, step}}, where {@code record} is the record
 * as it entered the import (the preMap input), so a retry re-runs the import from preMap.
 */
public final class ErrorRecorder {
  /** The run-state scope holding retry payloads, keyed by retry id. */
  public static final String RETRY_DATA_SCOPE = "retry-data";
  private static final String[] TRACE_KEY_FIELDS = {"id", "_id", "internalId", "externalId"};

  private final ResourceStore store;

  /** Creates a recorder over a store. */
  public ErrorRecorder(ResourceStore store) {
    this.store = store;
  }

  /**
   * Stores the retry data of one failed record.
   *
   * @param jobId the job the error belongs to
   * @param payload {@code {record, _importId, _flowId, step}}
   * @return the Retry resource id
   */
  public String storeRetryData(String jobId, ObjectNode payload) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("type", "object");
    r.put("_jobId", jobId);
    ObjectNode created = store.create(ResourceKind.RETRY, r);
    String id = created.get("_id").textValue();
    created.putObject("data").put("id", id).put("host", "");
    store.update(ResourceKind.RETRY, id, created);
    store.putState(RETRY_DATA_SCOPE, id, payload);
    return id;
  }

  /** Reads a retry payload. */
  public Optional<ObjectNode> retryData(String retryId) {
    return store.getState(RETRY_DATA_SCOPE, retryId).filter(JsonNode::isObject).map(n -> (ObjectNode) n);
  }

  /** Replaces the record of a retry payload (edit before retrying). */
  public void editRetryRecord(String retryId, ObjectNode record) {
    ObjectNode payload =
        retryData(retryId)
            .orElseThrow(() -> new IllegalArgumentException("no retry data with id '" + retryId + "'"));
    payload.set("record", record.deepCopy());
    store.putState(RETRY_DATA_SCOPE, retryId, payload);
  }

  /**
   * Writes error rows for one record.
   *
   * @param jobId the job (the import child job, or the flow job for fatal errors)
   * @param rows the errors
   * @param retryId the record's retry id for retriable rows, or null
   * @param traceKey business key of the record, or null
   */
  public void record(String jobId, List<ErrorRow> rows, String retryId, String traceKey) {
    for (ErrorRow e : rows) {
      ObjectNode d = JsonNodeFactory.instance.objectNode();
      d.put("_jobId", jobId);
      d.put("code", e.code());
      d.put("message", e.message());
      d.put("source", e.source());
      if (e.classification() != null) {
        d.put("classification", e.classification());
      }
      d.put("extract", e.extract() == null ? "" : e.extract());
      d.put("generate", e.generate() == null ? "" : e.generate());
      if (e.extracted() != null) {
        d.set("extracted", e.extracted());
      }
      d.put("exportDataURI", "");
      d.put("importDataURI", "");
      if (retryId != null && e.retriable()) {
        d.put("_retryId", retryId);
      }
      d.put("resolved", false);
      d.put("retry", false);
      if (traceKey != null) {
        d.put("traceKey", traceKey);
      }
      store.create(ResourceKind.JOB_ERROR, d);
    }
  }

  /**
   * The trace key of a record: the text of its first field among {@code id}, {@code _id}, {@code
   * internalId}, {@code externalId} that holds a scalar, or null.
   */
  public static String traceKey(ObjectNode record) {
    if (record == null) {
      return null;
    }
    for (String f : TRACE_KEY_FIELDS) {
      JsonNode v = record.get(f);
      if (v != null && v.isValueNode() && !v.isNull()) {
        return v.asText();
      }
    }
    return null;
  }
}
