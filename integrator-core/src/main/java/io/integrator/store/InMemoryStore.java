package io.integrator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A {@link ResourceStore} in memory, for tests and short-lived embedded runs. Thread-safe (one
 * read-write lock); nothing survives {@link #close()}. Secrets are kept in plain form in memory.
 */
final class InMemoryStore extends AbstractStore {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<ResourceKind, LinkedHashMap<String, Entry>> docs = new EnumMap<>(ResourceKind.class);
  private final Map<String, Key> byApiIdentifier = new HashMap<>();
  private final Map<String, TreeMap<String, JsonNode>> state = new HashMap<>();
  private long seq;
  private final java.util.TreeMap<Long, QueuedPayload> webhookQueue = new java.util.TreeMap<>();
  private long queueSeq;

  private record Key(ResourceKind kind, String id) {}

  private static final class Entry {
    final long seq;
    ObjectNode doc;

    Entry(long seq, ObjectNode doc) {
      this.seq = seq;
      this.doc = doc;
    }
  }

  InMemoryStore(StoreOptions options) {
    super(options);
    for (ResourceKind kind : ResourceKind.values()) {
      docs.put(kind, new LinkedHashMap<>());
    }
  }

  private final Tx tx =
      new Tx() {
        @Override
        public Optional<ObjectNode> load(ResourceKind kind, String id) {
          Entry e = docs.get(kind).get(id);
          return e == null ? Optional.empty() : Optional.of(e.doc);
        }

        @Override
        public boolean exists(ResourceKind kind, String id) {
          return docs.get(kind).containsKey(id);
        }

        @Override
        public boolean apiIdentifierTaken(String apiIdentifier) {
          return byApiIdentifier.containsKey(apiIdentifier);
        }

        @Override
        public void insert(ResourceKind kind, String id, ObjectNode doc) {
          docs.get(kind).put(id, new Entry(++seq, doc.deepCopy()));
          String api = Documents.hasApiIdentifier(kind) ? Documents.text(doc, Documents.API_IDENTIFIER) : null;
          if (api != null) {
            byApiIdentifier.put(api, new Key(kind, id));
          }
        }

        @Override
        public void replace(ResourceKind kind, String id, ObjectNode doc) {
          docs.get(kind).get(id).doc = doc.deepCopy();
        }

        @Override
        public boolean remove(ResourceKind kind, String id) {
          Entry e = docs.get(kind).remove(id);
          if (e == null) {
            return false;
          }
          String api = Documents.text(e.doc, Documents.API_IDENTIFIER);
          if (api != null) {
            byApiIdentifier.remove(api, new Key(kind, id));
          }
          return true;
        }

        @Override
        public void removeStateScope(String scope) {
          state.remove(scope);
        }

        @Override
        public void removeJobErrorsOf(String jobId) {
          docs.get(ResourceKind.JOB_ERROR)
              .values()
              .removeIf(e -> jobId.equals(Documents.text(e.doc, "_jobId")));
        }
      };

  @Override
  <T> T write(String what, TxWork<T> work) {
    lock.writeLock().lock();
    try {
      ensureOpen();
      // A failing work may have changed maps half-way; the only multi-step writes are delete
      // (remove parent, then children) whose later steps cannot fail, so no rollback is needed.
      return work.run(tx);
    } catch (java.sql.SQLException e) {
      throw new StoreException(what + " failed: " + e.getMessage(), e);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private <T> T read(Supplier<T> work) {
    lock.readLock().lock();
    try {
      ensureOpen();
      return work.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  Optional<ObjectNode> findAny(ResourceKind kind, String id) {
    return read(() -> Optional.ofNullable(docs.get(kind).get(id)).map(e -> e.doc.deepCopy()));
  }

  @Override
  public List<ObjectNode> list(ResourceKind kind) {
    Documents.requireKind(kind, "list");
    return read(() -> docs.get(kind).values().stream().map(e -> e.doc.deepCopy()).toList());
  }

  @Override
  public Optional<Lookup> findByApiIdentifier(String apiIdentifier) {
    if (apiIdentifier == null || apiIdentifier.isEmpty()) {
      return Optional.empty();
    }
    return read(
        () ->
            Optional.ofNullable(byApiIdentifier.get(apiIdentifier))
                .map(k -> new Lookup(k.kind(), docs.get(k.kind()).get(k.id()).doc.deepCopy())));
  }

  @Override
  public List<ObjectNode> listJobs(JobQuery query) {
    if (query == null) {
      throw new IllegalArgumentException("The job query must not be null; use JobQuery.all()");
    }
    Comparator<Entry> newestFirst =
        Comparator.comparing((Entry e) -> String.valueOf(Documents.text(e.doc, Documents.CREATED_AT)))
            .thenComparingLong(e -> e.seq)
            .reversed();
    return read(
        () ->
            docs.get(ResourceKind.JOB).values().stream()
                .filter(e -> matches(e.doc, query))
                .sorted(newestFirst)
                .limit(query.limit())
                .map(e -> e.doc.deepCopy())
                .toList());
  }

  private static boolean matches(ObjectNode doc, JobQuery query) {
    java.time.Instant created = Documents.parseInstant(doc.get(Documents.CREATED_AT));
    if (query.createdFrom() != null && (created == null || created.isBefore(query.createdFrom()))) {
      return false;
    }
    if (query.createdTo() != null && (created == null || created.isAfter(query.createdTo()))) {
      return false;
    }
    for (JobQuery.Field field : JobQuery.Field.values()) {
      String wanted = query.value(field);
      if (wanted != null && !wanted.equals(Documents.text(doc, field.jsonField))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<ObjectNode> listJobErrors(String jobId, boolean unresolvedOnly, int limit) {
    Documents.requireLimit(limit);
    Documents.requireId(jobId, ResourceKind.JOB);
    return read(
        () ->
            docs.get(ResourceKind.JOB_ERROR).values().stream()
                .filter(e -> jobId.equals(Documents.text(e.doc, "_jobId")))
                .filter(e -> !unresolvedOnly || !Documents.resolved(e.doc))
                .limit(limit)
                .map(e -> e.doc.deepCopy())
                .toList());
  }

  @Override
  public long countJobErrors(String jobId, boolean unresolvedOnly) {
    Documents.requireId(jobId, ResourceKind.JOB);
    return read(
        () ->
            docs.get(ResourceKind.JOB_ERROR).values().stream()
                .filter(e -> jobId.equals(Documents.text(e.doc, "_jobId")))
                .filter(e -> !unresolvedOnly || !Documents.resolved(e.doc))
                .count());
  }

  @Override
  public Optional<JsonNode> getState(String scope, String key) {
    checkState(scope, key);
    return read(
        () -> Optional.ofNullable(state.get(scope)).map(m -> m.get(key)).map(JsonNode::deepCopy));
  }

  @Override
  public void putState(String scope, String key, JsonNode value) {
    checkState(scope, key);
    JsonNode copy = Documents.requireValue(value).deepCopy();
    write("Saving state", t -> state.computeIfAbsent(scope, s -> new TreeMap<>()).put(key, copy));
  }

  @Override
  public void deleteState(String scope, String key) {
    checkState(scope, key);
    write(
        "Deleting state",
        t -> {
          TreeMap<String, JsonNode> m = state.get(scope);
          if (m != null && m.remove(key) != null && m.isEmpty()) {
            state.remove(scope);
          }
          return null;
        });
  }

  @Override
  public List<String> stateKeys(String scope) {
    Documents.requireName(scope, "scope", Documents.MAX_SCOPE_LENGTH);
    return read(() -> new ArrayList<>(state.getOrDefault(scope, new TreeMap<>()).keySet()));
  }

  private static void checkState(String scope, String key) {
    Documents.requireName(scope, "scope", Documents.MAX_SCOPE_LENGTH);
    Documents.requireName(key, "key", Documents.MAX_KEY_LENGTH);
  }

  @Override
  public List<Long> enqueueWebhook(String exportId, List<String> flowIds,
      com.fasterxml.jackson.databind.node.ArrayNode records) {
    WebhookQueueArgs.check(exportId, flowIds, records);
    java.time.Instant now = clock.instant();
    return write("Queuing a webhook payload", t -> {
      List<Long> out = new ArrayList<>();
      for (String flowId : flowIds) {
        long s = ++queueSeq;
        webhookQueue.put(s, new QueuedPayload(s, flowId, exportId, now, records.deepCopy()));
        out.add(s);
      }
      return out;
    });
  }

  @Override
  public List<QueuedPayload> queuedWebhooks(String flowId, String exportId, long afterSeq,
      long maxSeq, int limit) {
    Documents.requireLimit(limit);
    return read(() -> webhookQueue.tailMap(afterSeq, false).values().stream()
        .filter(q -> q.seq() <= maxSeq && q.flowId().equals(flowId) && q.exportId().equals(exportId))
        .limit(limit)
        .map(q -> new QueuedPayload(q.seq(), q.flowId(), q.exportId(), q.receivedAt(), q.records().deepCopy()))
        .toList());
  }

  @Override
  public long lastQueuedWebhook(String flowId) {
    return read(() -> webhookQueue.values().stream().filter(q -> q.flowId().equals(flowId))
        .mapToLong(QueuedPayload::seq).max().orElse(0));
  }

  @Override
  public long countQueuedWebhooks(String flowId) {
    return read(() -> webhookQueue.values().stream().filter(q -> q.flowId().equals(flowId)).count());
  }

  @Override
  public List<String> webhookQueueFlows() {
    return read(() -> webhookQueue.values().stream().map(QueuedPayload::flowId).distinct().sorted()
        .toList());
  }

  @Override
  public void dequeueWebhooks(List<Long> seqs) {
    write("Removing queued webhook payloads", t -> {
      seqs.forEach(webhookQueue::remove);
      return null;
    });
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (markClosed()) {
        docs.values().forEach(Map::clear);
        byApiIdentifier.clear();
        state.clear();
        webhookQueue.clear();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}
