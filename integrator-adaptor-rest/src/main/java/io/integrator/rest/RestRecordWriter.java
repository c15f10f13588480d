package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ImportRecord;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Writes the records of a REST import: one request per record (REFERENCE §4.3), or with {@code
 * batchSize} above 1 up to that many records per request (a JSON array), the requests of a
 * batch sent concurrently through the connection's shared client (its {@code concurrencyLevel}
 * caps what is in flight), results returned in record order. Never retries or sleeps: transient
 * failures come back classified, with the server's wait, for the engine to retry.
 */
final class RestRecordWriter implements RecordWriter {
  /** Lanes per submit without a concurrencyLevel (the connection's cap is then 50 in flight). */
  private static final int UNCAPPED_WINDOW = 32;
  private final OkHttpClient client;
  private final ImportRequests requests;
  private final ImportResults results;
  private final ImportEndpoint endpoint;
  /** Calls of one submit in flight at once (see {@link Lanes}). */
  private final int window;

  RestRecordWriter(OkHttpClient client, ImportEndpoint endpoint, RestConnection connection) {
    this.client = client;
    this.window = connection.concurrencyLevel() > 0
        ? connection.concurrencyLevel() : UNCAPPED_WINDOW;
    this.endpoint = endpoint;
    this.requests = new ImportRequests(endpoint, connection);
    this.results = new ImportResults(endpoint, connection);
  }

  @Override
  public List<SubmitResult> submit(List<ObjectNode> records) throws AdaptorException {
    List<ImportRecord> out = new ArrayList<>(records.size());
    records.forEach(r -> out.add(ImportRecord.of(r)));
    return submitRecords(out);
  }

  @Override
  public List<SubmitResult> submitRecords(List<ImportRecord> records) throws AdaptorException {
    SubmitResult[] out = new SubmitResult[records.size()];
    List<Unit> units = endpoint.batchSize > 1 ? batches(records, out) : singles(records, out);
    Lanes lanes = new Lanes(units);
    int extra = Math.min(window, units.size()) - 1;
    for (int l = 0; l < extra; l++) {
      lanes.startHelper(client.dispatcher().executorService());
    }
    lanes.run();
    try {
      lanes.awaitHelpers();
    } catch (InterruptedException e) {
      lanes.cancel();
      Thread.currentThread().interrupt();
      throw new AdaptorException("interrupted", "the import was interrupted while its requests"
          + " were in flight", Classification.INTERMITTENT);
    }
    if (lanes.failure != null) {
      throw new AdaptorException("internal_error", "reading an import response failed: "
          + lanes.failure, Classification.VALUE, null, lanes.failure);
    }
    for (int k = 0; k < units.size(); k++) {
      List<SubmitResult> rs = lanes.answers[k];
      int[] idx = units.get(k).records();
      for (int j = 0; j < idx.length; j++) {
        out[idx[j]] = rs.get(j);
      }
    }
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  /**
   * Sends the requests of one submit with at most {@code window} synchronous calls at a time: the
   * calling thread and {@code window - 1} threads of the shared dispatcher's pool each take the
   * next request until none is left. (Asynchronous calls cost a thread hand-off, a thread rename
   * and a URL rebuild per request, and okhttp's dispatcher rescans its waiting queue after each.)
   */
  private final class Lanes {
    private final List<Unit> units;
    /** Written by each lane, read by whichever thread cancels. */
    private final AtomicReferenceArray<Call> calls;
    final List<SubmitResult>[] answers;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch helpersDone;
    private volatile boolean cancelled;
    volatile RuntimeException failure;

    @SuppressWarnings("unchecked")
    Lanes(List<Unit> units) {
      this.units = units;
      this.calls = new AtomicReferenceArray<>(units.size());
      this.answers = new List[units.size()];
      this.helpersDone = new CountDownLatch(Math.max(0, Math.min(window, units.size()) - 1));
    }

    /** Runs one more lane on {@code pool}; a pool that refuses it leaves the work to the others. */
    void startHelper(ExecutorService pool) {
      try {
        pool.execute(() -> {
          try {
            run();
          } finally {
            helpersDone.countDown();
          }
        });
      } catch (RejectedExecutionException e) {
        helpersDone.countDown();
      }
    }

    /** Takes the next request until none is left. */
    void run() {
      try {
        int k;
        while (!cancelled && (k = next.getAndIncrement()) < units.size()) {
          answers[k] = send(k);
        }
      } catch (RuntimeException e) {
        failure = e;
        cancel();
      }
    }

    private List<SubmitResult> send(int k) {
      Unit u = units.get(k);
      Call call = client.newCall(u.request());
      calls.set(k, call);
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        return Collections.nCopies(u.records().length, results.failed(e, u.request()));
      }
      return u.batch() ? results.readBatch(response, u.records().length)
          : List.of(results.read(response));
    }

    void awaitHelpers() throws InterruptedException {
      helpersDone.await();
    }

    void cancel() {
      cancelled = true;
      for (int k = 0; k < calls.length(); k++) {
        Call c = calls.get(k);
        if (c != null) {
          c.cancel();
        }
      }
    }
  }

  /** One request and the records (indexes) it carries. */
  private record Unit(int[] records, Request request, boolean batch) {}

  /** One request per record; records that cannot be sent get their result in {@code out}. */
  private List<Unit> singles(List<ImportRecord> records, SubmitResult[] out) {
    List<Unit> units = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      try {
        units.add(new Unit(new int[] {i}, requests.build(records.get(i)), false));
      } catch (AdaptorException e) {
        out[i] = ImportResults.notSent(e);
      }
    }
    return units;
  }

  /**
   * Records with the same method, URL and headers share requests of up to {@code batchSize}, whose
   * body is the JSON array of their bodies, in record order. DELETE requests stay one per record.
   */
  private List<Unit> batches(List<ImportRecord> records, SubmitResult[] out) {
    int n = records.size();
    List<Unit> units = new ArrayList<>();
    List<ImportRequests.Prepared> groups = new ArrayList<>(); // each group's first request
    Map<String, Integer> groupOfKey = new HashMap<>();
    int[] group = new int[n]; // -1: the record is not in a batch
    JsonNode[] bodies = new JsonNode[n];
    String lastKey = null;
    int lastGroup = -1;
    for (int i = 0; i < n; i++) {
      group[i] = -1;
      ImportRecord r = records.get(i);
      try {
        ImportRequests.Prepared p = requests.prepare(r);
        if ("DELETE".equals(p.entry().method())) {
          units.add(new Unit(new int[] {i}, p.request(null), false));
          continue;
        }
        bodies[i] = requests.bodyNode(p.entry(), r);
        String key = p.batchKey();
        if (!key.equals(lastKey)) {
          lastKey = key;
          lastGroup = groupOfKey.computeIfAbsent(key, k -> {
            groups.add(p);
            return groups.size() - 1;
          });
        }
        group[i] = lastGroup;
      } catch (AdaptorException e) {
        out[i] = ImportResults.notSent(e);
      }
    }
    // each group's records, in record order, as one run of `order` (a counting sort)
    int[] start = new int[groups.size() + 1];
    for (int g : group) {
      if (g >= 0) {
        start[g + 1]++;
      }
    }
    for (int g = 0; g < groups.size(); g++) {
      start[g + 1] += start[g];
    }
    int[] order = new int[start[groups.size()]];
    int[] fill = start.clone();
    for (int i = 0; i < n; i++) {
      if (group[i] >= 0) {
        order[fill[group[i]]++] = i;
      }
    }
    for (int g = 0; g < groups.size(); g++) {
      for (int from = start[g]; from < start[g + 1]; from += endpoint.batchSize) {
        int[] chunk = Arrays.copyOfRange(order, from, Math.min(start[g + 1], from + endpoint.batchSize));
        ArrayNode array = JsonNodeFactory.instance.arrayNode(chunk.length);
        for (int i : chunk) {
          array.add(bodies[i]);
        }
        units.add(new Unit(chunk, groups.get(g).request(Bodies.encode(array, BodyType.JSON)), true));
      }
    }
    return units;
  }
}
