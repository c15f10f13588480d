package io.integrator.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one HTTP handler: read, fault, authorize, route, record, send. */
final class Dispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final FaultInjector faults;
    private final AuthGate auth;
    private final Router router;
    private final List<RecordedRequest> recorded;
    private final boolean record;

    Dispatcher(FaultInjector faults, AuthGate auth, Router router, List<RecordedRequest> recorded, boolean record) {
        this.faults = faults;
        this.auth = auth;
        this.router = router;
        this.recorded = recorded;
        this.record = record;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Request request = Request.read(exchange);
            Fault fault = faults.pick(request.method, request.path);
            Response response;
            if (fault != null && fault.kind() == Fault.Kind.STATUS) {
                response = faultResponse(fault);
            } else {
                if (fault != null && fault.kind() == Fault.Kind.DELAY) {
                    pause(fault);
                }
                response = answer(request);
            }
            if (record) {
                recorded.add(request.recorded(response.status));
            }
            send(exchange, response, fault != null && fault.kind() == Fault.Kind.CUT);
        } finally {
            exchange.close();
        }
    }

    private Response answer(Request request) {
        try {
            if (auth.isTokenEndpoint(request)) {
                return auth.token(request);
            }
            Response denied = auth.check(request);
            return denied != null ? denied : router.route(request);
        } catch (Request.BadRequest e) {
            return e.response();
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", request.method, request.path, e);
            return Response.error(500, "server_error", "The testkit server failed on " + request.method + " "
                    + request.path + ": " + e);
        }
    }

    private static Response faultResponse(Fault fault) {
        Response response = Response.error(fault.statusCode(), "injected_fault", "Injected fault: status "
                + fault.statusCode());
        if (fault.retryAfter() != null) {
            long seconds = (fault.retryAfter().toMillis() + 999) / 1000;
            response.header("Retry-After", fault.retryAfterAsDate()
                    ? DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(seconds))
                    : Long.toString(seconds));
        }
        return response;
    }

    private static void pause(Fault fault) {
        try {
            Thread.sleep(fault.delayTime().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, Response response, boolean cut) throws IOException {
        for (Map.Entry<String, String> header : response.headers) {
            exchange.getResponseHeaders().add(header.getKey(), header.getValue());
        }
        byte[] body = response.body;
        boolean noBody = body.length == 0 || response.status == 204 || response.status == 304;
        exchange.sendResponseHeaders(response.status, noBody ? -1 : body.length);
        if (noBody) {
            return;
        }
        OutputStream out = exchange.getResponseBody();
        if (cut) {
            out.write(body, 0, body.length / 2);
            out.flush();
            // Thrown out of the handler, this makes the JDK server drop the connection mid-body.
            throw new IOException("Injected fault: response cut after " + body.length / 2 + " of " + body.length
                    + " bytes");
        }
        out.write(body);
    }
}
