package io.integrator.benchmarks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * Leg (b): the same flow as an Apache Camel route. A loop GETs each page with camel-http,
 * unmarshals it with camel-jackson, splits the records with streaming and parallel processing on
 * {@code concurrency} threads, maps each with the same {@link InvoiceMapper}, marshals it with
 * camel-jackson and POSTs it with camel-http. Failed calls (5xx, 429, I/O) are redelivered with
 * exponential back-off by Camel's error handler.
 *
 * <p>This is the straightforward route, with Camel 4's defaults. Stream caching is on by default:
 * every HTTP response becomes a stream cache whose temp-file manager is handed over to the parent
 * exchange, and the whole run is one exchange, so about 80 bytes per record stay reachable until the
 * run ends; under {@code -Xmx128m} a million records drive it into back-to-back full GCs.
 * camel-http's Apache HttpClient also retries 503 and 429 by itself by default, sleeping (1 s when the
 * server names no wait) on the calling thread. {@link CamelTunedLeg} is the same route with stream
 * caching off and those automatic retries off, so Camel's error handler does the redelivery.
 */
public final class CamelLeg {

    private CamelLeg() {
    }

    /**
     * @param args see {@link LegConfig}
     * @throws Exception when the run cannot finish
     */
    public static void main(String[] args) throws Exception {
        run(LegConfig.parse(args), false);
    }

    static void run(LegConfig config, boolean tuned) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        InvoiceMapper invoices = new InvoiceMapper(mapper);
        AtomicLong records = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(config.concurrency());
        JacksonDataFormat pageFormat = new JacksonDataFormat(mapper, JsonNode.class);
        String sourceOrders = "http" + config.source().substring("http".length()) + "/orders";
        String sinkInvoices = config.invoicesUrl();
        try (CamelContext camel = new DefaultCamelContext()) {
            if (tuned) {
                camel.setStreamCaching(false);
                camel.getComponent("http", HttpComponent.class).setAutomaticRetriesDisabled(true);
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(defaultErrorHandler()
                            .maximumRedeliveries(50)
                            .redeliveryDelay(20)
                            .useExponentialBackOff()
                            .backOffMultiplier(2)
                            .maximumRedeliveryDelay(1000)
                            .onRedelivery(exchange -> retries.incrementAndGet())
                            .onExceptionOccurred(exchange -> { }));

                    from("direct:run")
                        .setProperty("page", constant(1))
                        .setProperty("more", constant(true))
                        .loopDoWhile(exchangeProperty("more").isEqualTo(true))
                            .removeHeaders("*")
                            .setBody(constant(null))
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .setHeader(Exchange.HTTP_QUERY,
                                    simple("page=${exchangeProperty.page}&pageSize=" + config.pageSize()))
                            .to(sourceOrders)
                            .unmarshal(pageFormat)
                            .process(exchange -> {
                                JsonNode data = exchange.getMessage().getBody(JsonNode.class).path("data");
                                exchange.setProperty("more", !data.isEmpty());
                                exchange.setProperty("page", exchange.getProperty("page", Integer.class) + 1);
                                exchange.getMessage().setBody(data);
                            })
                            .split(body()).streaming().parallelProcessing().executorService(pool)
                                .process(exchange -> {
                                    records.incrementAndGet();
                                    exchange.getMessage().setBody(invoices.map(exchange.getMessage().getBody(JsonNode.class)));
                                })
                                .marshal().json(JsonLibrary.Jackson)
                                .removeHeaders("*")
                                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                                .to(sinkInvoices)
                            .end()
                        .end();
                }
            });
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();
            long start = System.nanoTime();
            Exchange done = producer.send("direct:run", exchange -> { });
            long nanos = System.nanoTime() - start;
            if (done.getException() != null) {
                errors.incrementAndGet();
                done.getException().printStackTrace();
            }
            LegConfig.report(System.out, records.get(), errors.get(), retries.get(), nanos);
        } finally {
            pool.shutdownNow();
        }
    }
}
