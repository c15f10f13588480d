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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import okhttp3.Call;
import okhttp3.Callback;
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
  /** The window without a concurrencyLevel: below the shared dispatcher's 50 per host. */
  private static final int UNCAPPED_WINDOW = 32;
  private final OkHttpClient client;
  private final ImportRequests requests;
  private final ImportResults results;
  private final ImportEndpoint endpoint;
  /** Calls of one submit handed to the dispatcher at once (see submitRecords). */
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
    List<Call> calls = new ArrayList<>(units.size());
    List<CompletableFuture<List<SubmitResult>>> pending = new ArrayList<>(units.size());
    // okhttp's dispatcher rescans its whole waiting queue after every finished call, so a page
    // enqueued at once costs quadratic time; at most `window` calls of this page wait there.
    Semaphore slots = new Semaphore(window);
    try {
      for (Unit u : units) {
        slots.acquire();
        CompletableFuture<List<SubmitResult>> f = new CompletableFuture<>();
        f.whenComplete((r, e) -> slots.release());
        Call call = client.newCall(u.request());
        calls.add(call);
        call.enqueue(new Callback() {
          @Override
          public void onResponse(Call c, Response response) {
            try {
              f.complete(u.batch() ? results.readBatch(response, u.records().size())
                  : List.of(results.read(response)));
            } catch (RuntimeException e) {
              f.completeExceptionally(e);
            }
          }

          @Override
          public void onFailure(Call c, IOException e) {
            SubmitResult r = results.failed(e, u.request());
            f.complete(java.util.Collections.nCopies(u.records().size(), r));
          }
        });
        pending.add(f);
      }
      for (int k = 0; k < units.size(); k++) {
        List<SubmitResult> rs = pending.get(k).get();
        List<Integer> idx = units.get(k).records();
        for (int j = 0; j < idx.size(); j++) {
          out[idx.get(j)] = rs.get(j);
        }
      }
    } catch (InterruptedException e) {
      calls.forEach(Call::cancel);
      Thread.currentThread().interrupt();
      throw new AdaptorException("interrupted", "the import was interrupted while its requests"
          + " were in flight", Classification.INTERMITTENT);
    } catch (ExecutionException e) {
      calls.forEach(Call::cancel);
      throw new AdaptorException("internal_error", "reading an import response failed: "
          + e.getCause(), Classification.VALUE, null, e.getCause());
    }
    return List.of(out);
  }

  /** One request and the records (indexes) it carries. */
  private record Unit(List<Integer> records, Request request, boolean batch) {}

  /** One request per record; records that cannot be sent get their result in {@code out}. */
  private List<Unit> singles(List<ImportRecord> records, SubmitResult[] out) {
    List<Unit> units = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      try {
        units.add(new Unit(List.of(i), requests.build(records.get(i)), false));
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
    List<Unit> units = new ArrayList<>();
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    Map<String, ImportRequests.Prepared> prepared = new HashMap<>();
    JsonNode[] bodies = new JsonNode[records.size()];
    for (int i = 0; i < records.size(); i++) {
      ImportRecord r = records.get(i);
      try {
        ImportRequests.Prepared p = requests.prepare(r);
        if ("DELETE".equals(p.entry().method())) {
          units.add(new Unit(List.of(i), p.request(null), false));
          continue;
        }
        bodies[i] = requests.bodyNode(p.entry(), r);
        prepared.putIfAbsent(p.batchKey(), p);
        groups.computeIfAbsent(p.batchKey(), k -> new ArrayList<>()).add(i);
      } catch (AdaptorException e) {
        out[i] = ImportResults.notSent(e);
      }
    }
    for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
      List<Integer> idx = g.getValue();
      for (int from = 0; from < idx.size(); from += endpoint.batchSize) {
        List<Integer> chunk = List.copyOf(idx.subList(from,
            Math.min(idx.size(), from + endpoint.batchSize)));
        ArrayNode array = JsonNodeFactory.instance.arrayNode(chunk.size());
        chunk.forEach(i -> array.add(bodies[i]));
        units.add(new Unit(chunk, prepared.get(g.getKey())
            .request(Bodies.encode(array, BodyType.JSON)), true));
      }
    }
    return units;
  }
}
