package io.integrator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where resource documents, jobs, job errors, retries and run state are kept. Get one from {@link
 * Stores}; the default for a project is {@code Stores.h2File(<project>/.integrator)}.
 *
 * <p>Documents are Jackson {@link ObjectNode}s in the API document's JSON shape. The rules, the same
 * for every implementation:
 *
 * <ul>
 *   <li><b>Ids.</b> {@link #create} assigns {@code _id}: 24 lowercase hex characters (4 bytes of
 *       epoch seconds, then 8 random bytes). A caller may pass its own {@code _id} (any non-empty
 *       string, as project directories use file names); if that id is taken by a resource of the
 *       same kind, create throws {@link ResourceConflictException}. Ids are unique per kind.
 *   <li><b>apiIdentifier.</b> Exports get {@code e} + 7 hex characters, imports {@code i} + 7,
 *       unique across the store. A caller-supplied non-empty apiIdentifier is kept unless taken
 *       (then {@link ResourceConflictException}). Other kinds get none.
 *   <li><b>Timestamps.</b> {@code lastModified} (ISO-8601 UTC with milliseconds) is set on every
 *       create and update and strictly increases on each update of a document. Jobs, job errors and
 *       retries get {@code createdAt} on create (a valid caller-supplied ISO-8601 value is kept,
 *       normalized, so backups can be restored); update keeps the stored one. Other kinds have no
 *       {@code createdAt} (the API document gives them none; a given one is dropped), nor an
 *       {@code apiIdentifier} unless they are exports or imports.
 *   <li><b>Update replaces</b> the document: omitted fields are removed; {@code _id}, {@code
 *       apiIdentifier} and {@code createdAt} are kept from the stored document, whatever the body
 *       says. Where the new document holds a mask (a non-empty run of {@code *}) at a secret path
 *       (see {@link SecretLocator}) and a value is stored there, the stored secret is kept.
 *   <li><b>Reads return real secret values</b>; masking for display is the model's job. JDBC
 *       stores encrypt secrets at rest (AES-GCM).
 *   <li><b>Copies.</b> Every document passed in or returned is deep-copied: callers can never
 *       change stored state by mutating a node.
 *   <li><b>Deletion.</b> Deleting an export or import also deletes its distributed sub-document;
 *       deleting a job also deletes its job errors. References from other resources are not checked
 *       (that is the model's decision).
 *   <li><b>Retention.</b> The store keeps every job and job error until deleted; the 30-day expiry
 *       and any cap on errors per job are applied by the job engine through {@link #delete}.
 *   <li><b>Errors.</b> Unknown ids throw {@link ResourceNotFoundException}; invalid arguments
 *       (null kind, null id, distributed kinds passed to create/update/get/delete) throw {@link
 *       IllegalArgumentException}; database failures throw {@link StoreException}. A failed write
 *       leaves the store as it was.
 * </ul>
 *
 * <p>Implementations are thread-safe. Close the store to release its files; calls after close
 * throw {@link StoreException}.
 */
public interface ResourceStore extends AutoCloseable {

  /**
   * Run-state scope prefix of an export's adaptor state ({@code io.integrator.spi.ExportState},
   * e.g. a file export's processed-file ledger): the scope is this prefix plus the export id.
   * {@link #delete} of an export removes that scope with it.
   */
  String EXPORT_STATE_SCOPE_PREFIX = "export-state:";

  /**
   * A resource found by {@link #findByApiIdentifier}: its kind and document.
   *
   * @param kind {@link ResourceKind#EXPORT} or {@link ResourceKind#IMPORT}
   * @param document a copy of the stored document
   */
  record Lookup(ResourceKind kind, ObjectNode document) {
    /**
     * Checks the components.
     *
     * @param kind the kind
     * @param document the document
     */
    public Lookup {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(document, "document");
    }
  }

  /**
   * Stores a new document (POST).
   *
   * @param kind a top-level kind (not a distributed one)
   * @param doc the document; not modified
   * @return the stored document with {@code _id}, {@code lastModified} and, where they apply,
   *     {@code apiIdentifier} and {@code createdAt}
   * @throws ResourceConflictException if a caller-supplied {@code _id} or {@code apiIdentifier} is
   *     taken
   */
  ObjectNode create(ResourceKind kind, ObjectNode doc);

  /**
   * Replaces a stored document (PUT).
   *
   * @param kind a top-level kind
   * @param id the document's id
   * @param doc the new document; its {@code _id}, {@code apiIdentifier} and {@code createdAt} are
   *     ignored
   * @return the stored document
   * @throws ResourceNotFoundException if there is no such document
   */
  ObjectNode update(ResourceKind kind, String id, ObjectNode doc);

  /**
   * Returns a stored document (GET).
   *
   * @param kind a top-level kind
   * @param id the id
   * @return a copy of the document
   * @throws ResourceNotFoundException if there is no such document
   */
  ObjectNode get(ResourceKind kind, String id);

  /**
   * Returns a stored document if there is one.
   *
   * @param kind a top-level kind
   * @param id the id
   * @return a copy of the document, or empty
   */
  Optional<ObjectNode> find(ResourceKind kind, String id);

  /**
   * Deletes a document (DELETE), with its distributed sub-document (exports, imports), its
   * adaptor state (exports: the run-state scope {@link #EXPORT_STATE_SCOPE_PREFIX}{@code <id>})
   * or its job errors (jobs), in one transaction.
   *
   * @param kind a top-level kind
   * @param id the id
   * @throws ResourceNotFoundException if there is no such document
   */
  void delete(ResourceKind kind, String id);

  /**
   * Lists all documents of a kind in creation order. For jobs prefer {@link #listJobs}.
   *
   * @param kind any kind; a distributed kind lists the distributed sub-documents
   * @return copies of the documents
   */
  List<ObjectNode> list(ResourceKind kind);

  /**
   * Finds the export or import with the given apiIdentifier ({@code POST /{apiIdentifier}}).
   *
   * @param apiIdentifier for example {@code e53ec313}
   * @return the kind and a copy of the document, or empty
   */
  Optional<Lookup> findByApiIdentifier(String apiIdentifier);

  /**
   * Creates or replaces the distributed sub-document of an export or import ({@code PUT
   * /exports/{id}/distributed}). It gets the parent's id as {@code _id} and its own {@code
   * lastModified}; masks at secret paths keep stored secrets as in {@link #update}.
   *
   * @param parentKind {@link ResourceKind#EXPORT} or {@link ResourceKind#IMPORT} (the distributed
   *     kinds are accepted too)
   * @param parentId the parent's id
   * @param doc the sub-document
   * @return the stored sub-document
   * @throws ResourceNotFoundException if the parent does not exist
   */
  ObjectNode putDistributed(ResourceKind parentKind, String parentId, ObjectNode doc);

  /**
   * Returns the distributed sub-document of an export or import ({@code GET
   * /exports/{id}/distributed}).
   *
   * @param parentKind {@link ResourceKind#EXPORT} or {@link ResourceKind#IMPORT}
   * @param parentId the parent's id
   * @return a copy of the sub-document
   * @throws ResourceNotFoundException naming the distributed kind if there is none
   */
  ObjectNode getDistributed(ResourceKind parentKind, String parentId);

  /**
   * Lists jobs matching a query, newest first.
   *
   * @param query the filter and limit
   * @return copies of the job documents
   */
  List<ObjectNode> listJobs(JobQuery query);

  /**
   * Lists the job errors of a job ({@code _jobId}) in the order they were created.
   *
   * @param jobId the job's id; the job need not exist
   * @param unresolvedOnly true to leave out errors whose {@code resolved} (or the old spelling
   *     {@code resolve}) is true
   * @param limit the most rows to return, at least 1
   * @return copies of the job error documents
   */
  List<ObjectNode> listJobErrors(String jobId, boolean unresolvedOnly, int limit);

  /**
   * Counts the job errors of a job.
   *
   * @param jobId the job's id
   * @param unresolvedOnly true to count only unresolved errors
   * @return the count
   */
  long countJobErrors(String jobId, boolean unresolvedOnly);

  /**
   * Reads a run-state value: delta watermarks per (flow, export), processed-file ledgers, hook
   * key/value state.
   *
   * @param scope a non-empty namespace, e.g. {@code delta/<flowId>/<exportId>}
   * @param key a non-empty key within the scope
   * @return a copy of the value, or empty
   */
  Optional<JsonNode> getState(String scope, String key);

  /**
   * Writes (creates or replaces) a run-state value.
   *
   * @param scope a non-empty namespace
   * @param key a non-empty key
   * @param value any JSON value (JSON null included); copied
   */
  void putState(String scope, String key, JsonNode value);

  /**
   * Deletes a run-state value; does nothing if there is none.
   *
   * @param scope the namespace
   * @param key the key
   */
  void deleteState(String scope, String key);

  /**
   * Lists the keys of a scope.
   *
   * @param scope the namespace
   * @return the keys in ascending order
   */
  List<String> stateKeys(String scope);

  /**
   * Queues the records of one webhook request for each of the given flows (one payload per flow),
   * in one transaction: when this returns, the payloads survive a restart (for the JDBC stores).
   *
   * @param exportId the webhook export that received them
   * @param flowIds the flows that will read them, at least one
   * @param records the records; copied
   * @return the payloads' {@link QueuedPayload#seq} values, in the order of {@code flowIds}
   */
  List<Long> enqueueWebhook(String exportId, List<String> flowIds, com.fasterxml.jackson.databind.node.ArrayNode records);

  /**
   * Lists queued payloads of a flow and export in queue order.
   *
   * @param flowId the flow
   * @param exportId the webhook export
   * @param afterSeq only payloads with a larger {@code seq} (0 for all)
   * @param maxSeq only payloads with a {@code seq} up to this one ({@link Long#MAX_VALUE} for all)
   * @param limit the most payloads to return, at least 1
   * @return copies of the payloads
   */
  List<QueuedPayload> queuedWebhooks(String flowId, String exportId, long afterSeq, long maxSeq, int limit);

  /**
   * The largest {@code seq} queued for a flow, any export.
   *
   * @param flowId the flow
   * @return the largest queued {@code seq}, or 0 when nothing is queued for it
   */
  long lastQueuedWebhook(String flowId);

  /**
   * Counts the payloads queued for a flow.
   *
   * @param flowId the flow
   * @return the number of queued payloads
   */
  long countQueuedWebhooks(String flowId);

  /** @return the ids of the flows that have queued payloads, in ascending order */
  List<String> webhookQueueFlows();

  /**
   * Removes queued payloads (after a run has taken them through); unknown values are ignored.
   *
   * @param seqs the payloads' {@code seq} values
   */
  void dequeueWebhooks(List<Long> seqs);

  /** Releases the store's resources (the H2 file lock, for example). Idempotent. */
  @Override
  void close();
}
