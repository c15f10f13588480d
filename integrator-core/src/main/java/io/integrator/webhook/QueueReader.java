package io.integrator.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import io.integrator.store.QueuedPayload;
import io.integrator.store.ResourceStore;
import io.integrator.store.StoreException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Reads the payloads queued for one flow and webhook export, oldest first, up to the queue position
 * seen when the run opened it. A payload becomes pages of at most {@code pageSize} records; pages
 * never mix two requests. Payloads are fetched a few at a time, so memory stays bounded by the
 * current payload. Each payload a page came from is reported to {@code served}; removing it from the
 * queue is the caller's job once the run has completed. Payloads {@code claimed} by another run
 * that has not ended yet are skipped (they leave the queue with that run, or wait for the next).
 */
final class QueueReader implements PageReader {
  private static final int FETCH = 8;

  private final ResourceStore store;
  private final String flowId;
  private final String exportId;
  private final long maxSeq;
  private final int pageSize;
  private final BooleanSupplier canceled;
  private final LongConsumer served;
  private final java.util.function.LongPredicate claimed;
  private final Deque<QueuedPayload> fetched = new ArrayDeque<>();
  private long lastSeq;
  private QueuedPayload current;
  private int position;
  private boolean drained;

  QueueReader(ResourceStore store, String flowId, String exportId, long maxSeq, int pageSize,
      BooleanSupplier canceled, LongConsumer served, java.util.function.LongPredicate claimed) {
    this.store = store;
    this.flowId = flowId;
    this.exportId = exportId;
    this.maxSeq = maxSeq;
    this.pageSize = Math.max(1, pageSize);
    this.canceled = canceled;
    this.served = served;
    this.claimed = claimed;
  }

  @Override
  public Optional<Page> next() throws AdaptorException {
    while (!canceled.getAsBoolean()) {
      if (current != null && position < current.records().size()) {
        int end = Math.min(current.records().size(), position + pageSize);
        List<ObjectNode> records = new ArrayList<>(end - position);
        for (int i = position; i < end; i++) {
          records.add(asRecord(current.records().get(i)));
        }
        position = end;
        served.accept(current.seq());
        return Optional.of(Page.of(records));
      }
      if (current != null && current.records().isEmpty()) {
        served.accept(current.seq());
      }
      current = nextPayload();
      position = 0;
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private QueuedPayload nextPayload() throws AdaptorException {
    fetch();
    QueuedPayload p = fetched.poll();
    while (p != null) {
      lastSeq = p.seq();
      if (!claimed.test(p.seq())) {
        return p;
      }
      fetch();
      p = fetched.poll();
    }
    return null;
  }

  /** Fetches the next few payloads after {@code lastSeq} when none are left in hand. */
  private void fetch() throws AdaptorException {
    if (fetched.isEmpty() && !drained) {
      List<QueuedPayload> batch;
      try {
        batch = store.queuedWebhooks(flowId, exportId, lastSeq, maxSeq, FETCH);
      } catch (StoreException e) {
        throw new AdaptorException("store_failed", "reading the webhook queue of export '"
            + exportId + "' failed: " + e.getMessage(), Classification.INTERMITTENT);
      }
      drained = batch.size() < FETCH;
      fetched.addAll(batch);
    }
  }

  /** Records are objects; anything else queued is wrapped as {@code {"value": ...}}. */
  private static ObjectNode asRecord(JsonNode n) {
    if (n instanceof ObjectNode o) {
      return o;
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("value", n);
    return o;
  }

  @Override
  public void close() {
    fetched.clear();
    current = null;
  }
}
