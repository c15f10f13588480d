package io.integrator.benchmarks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Leg (a): the practical limit. A plain okhttp + Jackson loop: fetch a page, map each record, POST
 * it with {@code concurrency} threads (at most {@code 4 x concurrency} records waiting), then the next
 * page; an empty page ends. 5xx, 429 (honouring {@code Retry-After}) and I/O errors are retried.
 */
public final class PlainLoopLeg {

    private static final MediaType JSON = MediaType.get("application/json");

    private final LegConfig config;
    private final OkHttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
    private final InvoiceMapper invoices = new InvoiceMapper(mapper);
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    private PlainLoopLeg(LegConfig config) {
        this.config = config;
        this.client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(config.concurrency() * 2, 5, TimeUnit.MINUTES))
                .readTimeout(Duration.ofSeconds(60))
                .build();
    }

    /**
     * @param args see {@link LegConfig}
     * @throws Exception when the run cannot finish
     */
    public static void main(String[] args) throws Exception {
        LegConfig config = LegConfig.parse(args);
        PlainLoopLeg leg = new PlainLoopLeg(config);
        long start = System.nanoTime();
        long records = leg.run();
        LegConfig.report(System.out, records, leg.errors.get(), leg.retries.get(), System.nanoTime() - start);
    }

    private long run() throws Exception {
        ExecutorService posters = Executors.newFixedThreadPool(config.concurrency());
        Semaphore waiting = new Semaphore(config.concurrency() * 4);
        long records = 0;
        try {
            for (int page = 1; ; page++) {
                JsonNode data = fetch(page).get("data");
                if (data == null || data.isEmpty()) {
                    break;
                }
                for (JsonNode order : data) {
                    waiting.acquire();
                    records++;
                    posters.execute(() -> {
                        try {
                            post(invoices.map(order));
                        } finally {
                            waiting.release();
                        }
                    });
                }
            }
        } finally {
            posters.shutdown();
            posters.awaitTermination(1, TimeUnit.HOURS);
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
        return records;
    }

    private JsonNode fetch(int page) throws IOException, InterruptedException {
        Request request = new Request.Builder().url(config.pageUrl(page)).build();
        for (int attempt = 1; ; attempt++) {
            try (Response response = client.newCall(request).execute()) {
                if (response.code() == 200) {
                    return mapper.readTree(response.body().byteStream());
                }
                if (!retryable(response.code()) || attempt >= 50) {
                    throw new IOException("GET " + request.url() + " answered " + response.code());
                }
                backOff(attempt, response.header("Retry-After"));
            } catch (IOException e) {
                if (attempt >= 50) {
                    throw e;
                }
                backOff(attempt, null);
            }
        }
    }

    private void post(JsonNode invoice) {
        try {
            byte[] body = mapper.writeValueAsBytes(invoice);
            Request request = new Request.Builder().url(config.invoicesUrl()).post(RequestBody.create(body, JSON)).build();
            for (int attempt = 1; ; attempt++) {
                try (Response response = client.newCall(request).execute()) {
                    if (response.isSuccessful()) {
                        return;
                    }
                    if (!retryable(response.code()) || attempt >= 50) {
                        errors.incrementAndGet();
                        return;
                    }
                    backOff(attempt, response.header("Retry-After"));
                } catch (IOException e) {
                    if (attempt >= 50) {
                        errors.incrementAndGet();
                        return;
                    }
                    backOff(attempt, null);
                }
            }
        } catch (IOException | InterruptedException e) {
            errors.incrementAndGet();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private void backOff(int attempt, String retryAfter) throws InterruptedException {
        retries.incrementAndGet();
        long millis;
        if (retryAfter != null && retryAfter.matches("\\d+")) {
            millis = Long.parseLong(retryAfter) * 1000;
        } else {
            millis = Math.min(1000, 10L << Math.min(attempt, 6));
        }
        Thread.sleep(millis);
    }
}
