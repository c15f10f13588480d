package io.integrator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ImportRecord;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Writes the records of a REST import: one request per record (REFERENCE §4.3), the requests of a
 * batch sent concurrently through the connection's shared client (its {@code concurrencyLevel}
 * caps what is in flight), results returned in record order. Never retries or sleeps: transient
 * failures come back classified, with the server's wait, for the engine to retry.
 */
final class RestRecordWriter implements RecordWriter {
  private final OkHttpClient client;
  private final ImportRequests requests;
  private final ImportResults results;

  RestRecordWriter(OkHttpClient client, ImportEndpoint endpoint, RestConnection connection) {
    this.client = client;
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
    List<CompletableFuture<SubmitResult>> pending = new ArrayList<>(records.size());
    List<Call> calls = new ArrayList<>(records.size());
    for (ImportRecord r : records) {
      Request request;
      try {
        request = requests.build(r);
      } catch (AdaptorException e) {
        pending.add(CompletableFuture.completedFuture(ImportResults.notSent(e)));
        continue;
      }
      CompletableFuture<SubmitResult> f = new CompletableFuture<>();
      Call call = client.newCall(request);
      calls.add(call);
      call.enqueue(new Callback() {
        @Override
        public void onResponse(Call c, Response response) {
          try {
            f.complete(results.read(response));
          } catch (RuntimeException e) {
            f.completeExceptionally(e);
          }
        }

        @Override
        public void onFailure(Call c, IOException e) {
          f.complete(results.failed(e, request));
        }
      });
      pending.add(f);
    }
    List<SubmitResult> out = new ArrayList<>(records.size());
    try {
      for (CompletableFuture<SubmitResult> f : pending) {
        out.add(f.get());
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
    return out;
  }
}
