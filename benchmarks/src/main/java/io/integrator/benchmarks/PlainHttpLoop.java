package io.integrator.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.io.UncheckedIOException;
import java.net.SocketException;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The hand-written floor of "a CSV file into a local HTTP import": FastCSV rows mapped straight
 * into a Jackson generator ({@code id} -> {@code id}, {@code amount} -> {@code total}, the flow's
 * mapping), a JSON array body per 1000 rows, POSTed by two sender threads (the flow's {@code
 * concurrencyLevel}) with at most four bodies waiting; each response's {@code results} array is
 * counted with a streaming parser. No records as objects, no retries, no error accounting: the
 * least code that moves the rows, to show what the target's baseline leaves for any importer.
 */
final class PlainHttpLoop {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int BATCH = 1000;

  private final OkHttpClient client;
  private final String url;
  private final JsonFactory json = new JsonFactory();

  PlainHttpLoop(String baseUri) {
    // TCP_NODELAY, as the REST adaptor sets it: with Nagle's algorithm a body larger than one
    // segment waits out the server's delayed ACK, ~40 ms a request
    this.client = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void connectionAcquired(Call call, Connection connection) {
        try {
          connection.socket().setTcpNoDelay(true);
        } catch (SocketException e) {
          throw new UncheckedIOException(e);
        }
      }
    }).build();
    this.url = baseUri + "/records";
  }

  /** Posts every row of the CSV {@code in} (header row first); returns the results counted. */
  long run(InputStream in) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(2);
    Semaphore waiting = new Semaphore(4);
    List<Future<Integer>> sent = new ArrayList<>();
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder().ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int id = -1;
      int amount = -1;
      ByteArrayOutputStream body = new ByteArrayOutputStream(64 * BATCH);
      JsonGenerator g = null;
      int rows = 0;
      for (CsvRecord r : reader) {
        if (id < 0) {
          id = r.getFields().indexOf("id");
          amount = r.getFields().indexOf("amount");
          continue;
        }
        if (g == null) {
          g = json.createGenerator(body);
          g.writeStartArray();
        }
        g.writeStartObject();
        g.writeStringField("id", r.getField(id));
        g.writeStringField("total", r.getField(amount));
        g.writeEndObject();
        if (++rows == BATCH) {
          sent.add(post(senders, waiting, close(g, body)));
          body = new ByteArrayOutputStream(64 * BATCH);
          g = null;
          rows = 0;
        }
      }
      if (g != null) {
        sent.add(post(senders, waiting, close(g, body)));
      }
      long results = 0;
      for (Future<Integer> f : sent) {
        results += f.get();
      }
      return results;
    } finally {
      senders.shutdownNow();
    }
  }

  private static byte[] close(JsonGenerator g, ByteArrayOutputStream body) throws IOException {
    g.writeEndArray();
    g.close();
    return body.toByteArray();
  }

  private Future<Integer> post(ExecutorService senders, Semaphore waiting, byte[] body)
      throws InterruptedException {
    waiting.acquire();
    return senders.submit(() -> {
      try (Response response = client.newCall(new Request.Builder().url(url)
          .post(RequestBody.create(body, JSON)).build()).execute()) {
        if (!response.isSuccessful()) {
          throw new IOException("POST " + url + " answered " + response.code());
        }
        return countResults(response.body().byteStream());
      } finally {
        waiting.release();
      }
    });
  }

  private int countResults(InputStream in) throws IOException {
    int n = 0;
    try (JsonParser p = json.createParser(in)) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && "results".equals(p.currentName())) {
          p.nextToken();
          while (p.nextToken() == JsonToken.START_OBJECT) {
            p.skipChildren();
            n++;
          }
        }
      }
    }
    return n;
  }
}
