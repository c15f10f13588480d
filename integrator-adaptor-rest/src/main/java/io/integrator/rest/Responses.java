package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.net.ssl.SSLException;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Classifies HTTP outcomes into the SPI's {@link Classification} and reads the wait a server asks
 * for.
 *
 * <ul>
 *   <li>A status: {@link Classification#ofStatus} (408/500/502/503/504 intermittent, 429
 *       rate_limit, 401/403 connection, 409 duplicate, 413 too_large, other 4xx value); the
 *       connection's {@code rateLimit.failStatusCode} also counts as rate_limit.
 *   <li>An {@link IOException}: timeouts, resets, refused connections, unknown hosts and cut
 *       responses are intermittent; a failed token request ({@link AuthFailedException}) and a TLS
 *       failure are connection failures.
 *   <li>The wait: header {@code retryHeader} (default {@code Retry-After}) as seconds (decimals
 *       allowed) or as an HTTP date; negative waits are zero; capped at {@link #MAX_WAIT}.
 * </ul>
 */
final class Responses {
  /** The longest server-requested wait honoured (5 minutes). */
  static final Duration MAX_WAIT = Duration.ofMinutes(5);
  /** How much of a response body goes into a message. */
  static final int MAX_BODY_TEXT = 500;
  /** How much of an error body is read to find the server's message. */
  private static final long MAX_READ = 64 * 1024;

  private Responses() {}

  /** The classification of a status code under a connection's rate-limit status. */
  static String classify(int status, RestConnection connection) {
    if (connection != null && status == connection.rateLimitStatus()) {
      return Classification.RATE_LIMIT;
    }
    return Classification.ofStatus(status);
  }

  /** The classification of a response. */
  static String classify(Response response, RestConnection connection) {
    return classify(response.code(), connection);
  }

  /** The classification of a failure without a response. */
  static String classify(IOException e) {
    if (e instanceof AuthFailedException || e instanceof SSLException) {
      return Classification.CONNECTION;
    }
    // timeouts, resets, refused connections, unknown hosts, responses cut short
    return Classification.INTERMITTENT;
  }

  /** A short code for a failure without a response: {@code timeout}, {@code unreachable}, ... */
  static String code(IOException e) {
    if (e instanceof AuthFailedException a) {
      return a.status() == 0 ? "unauthorized" : String.valueOf(a.status());
    }
    if (e instanceof java.net.SocketTimeoutException || e instanceof InterruptedIOException) {
      return "timeout";
    }
    if (e instanceof ConnectException || e instanceof UnknownHostException) {
      return "unreachable";
    }
    if (e instanceof SSLException) {
      return "tls";
    }
    return "network";
  }

  /** True when a 2xx response's body signals throttling ({@code rateLimit.failPath}). */
  static boolean throttledByBody(JsonNode body, RestConnection connection) {
    if (connection == null || connection.rateLimitPath() == null) {
      return false;
    }
    String v = JsonPaths.text(body, connection.rateLimitPath());
    return v != null && (connection.rateLimitValues().isEmpty()
        || connection.rateLimitValues().contains(v));
  }

  /**
   * The wait the server asked for in {@code header}, capped at {@link #MAX_WAIT}; empty when the
   * header is absent or unreadable.
   */
  static Optional<Duration> serverWait(Response response, String header) {
    return uncappedWait(response, header).map(d -> d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d);
  }

  /** The wait the server asked for, not capped. */
  static Optional<Duration> uncappedWait(Response response, String header) {
    String name = header == null || header.isBlank() ? RestConnection.DEFAULT_RETRY_HEADER : header;
    String value = response.header(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    value = value.trim();
    try {
      double seconds = Double.parseDouble(value);
      if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
        return Optional.empty();
      }
      long millis = (long) Math.ceil(Math.max(0, seconds) * 1000);
      return Optional.of(Duration.ofMillis(millis));
    } catch (NumberFormatException e) {
      Date date = response.headers().getDate(name);
      if (date == null) {
        return Optional.empty();
      }
      Duration d = Duration.between(Instant.now(), date.toInstant());
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    }
  }

  /**
   * Reads at most {@link #MAX_BODY_TEXT} characters of a response body for a message (the body is
   * consumed).
   */
  static String bodyText(Response response) {
    ResponseBody body = response.body();
    if (body == null) {
      return "";
    }
    try {
      okio.BufferedSource source = body.source();
      source.request(MAX_READ);
      long n = Math.min(source.getBuffer().size(), MAX_READ);
      return excerpt(source.getBuffer().readUtf8(n));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /**
   * The server's own error message in a body: {@code errors[0].message}, {@code message}, {@code
   * error_description}, {@code error.message}, {@code error}, else the body text itself, shortened.
   */
  static String serverMessage(String bodyText) {
    if (bodyText == null || bodyText.isBlank()) {
      return "";
    }
    try {
      JsonNode n = Bodies.MAPPER.readTree(bodyText);
      if (n != null && n.isObject()) {
        for (String p : new String[] {"errors[0].message", "message", "error_description",
            "error.message", "error", "detail", "title"}) {
          JsonNode v = JsonPaths.at(n, p);
          if (v.isTextual() && !v.asText().isBlank()) {
            return excerpt(v.asText());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: use the text
    }
    return excerpt(bodyText.strip());
  }

  static String excerpt(String text) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    return t.length() <= MAX_BODY_TEXT ? t : t.substring(0, MAX_BODY_TEXT) + "...";
  }

  /**
   * An exception for a failed response: code = status, classification per {@link #classify},
   * the server's wait, and a message naming the request, the status and the server's message.
   * Consumes the body.
   */
  static AdaptorException failure(Response response, RestConnection connection, String what) {
    int status = response.code();
    String message = serverMessage(bodyText(response));
    String classification = classify(status, connection);
    StringBuilder sb = new StringBuilder();
    sb.append(what).append(": ").append(response.request().method()).append(' ')
        .append(connection.safeUrl(response.request().url())).append(" returned ").append(status);
    if (!response.message().isBlank()) {
      sb.append(' ').append(response.message());
    }
    if (!message.isEmpty()) {
      sb.append(": ").append(message);
    }
    if (Classification.CONNECTION.equals(classification)) {
      sb.append(" (the credentials of ").append(connection.describe())
          .append(" were refused; check them and ping the connection)");
    }
    return new AdaptorException(String.valueOf(status), sb.toString(), classification,
        serverWait(response, connection.retryHeader()).orElse(null), null);
  }

  /** An exception for a request that got no response. */
  static AdaptorException failure(IOException e, RestConnection connection, String method,
      okhttp3.HttpUrl url, String what) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new AdaptorException(code(e), what + ": " + method + " " + connection.safeUrl(url)
        + " failed: " + detail, classify(e), null, e);
  }
}
