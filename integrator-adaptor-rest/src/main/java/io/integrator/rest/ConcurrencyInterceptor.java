package io.integrator.rest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Caps the in-flight requests of one connection with its {@link ConnectionSlots} ({@code
 * concurrencyLevel}, fixed or adaptive): waiting requests go in FIFO order. A slot is held until
 * the response body is closed, so a streamed export page counts as in flight while it is read.
 * Each answer's status tells adaptive slots whether the connection is being throttled.
 */
final class ConcurrencyInterceptor implements Interceptor {
  private final ConnectionSlots slots;
  private final int throttleStatus;

  ConcurrencyInterceptor(int level) {
    this(ConnectionSlots.fixed(level), 429);
  }

  /** @param throttleStatus the status that means "throttled" (429, or rateLimit.failStatusCode) */
  ConcurrencyInterceptor(ConnectionSlots slots, int throttleStatus) {
    this.slots = slots;
    this.throttleStatus = throttleStatus;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a connection slot");
    }
    AtomicBoolean released = new AtomicBoolean();
    Runnable release = () -> {
      if (released.compareAndSet(false, true)) {
        slots.release();
      }
    };
    try {
      Response r = chain.proceed(chain.request());
      slots.answered(r.code() == throttleStatus || r.code() == 429);
      ResponseBody body = r.body();
      if (body == null) {
        release.run();
        return r;
      }
      return r.newBuilder().body(new SlotBody(body, release)).build();
    } catch (IOException | RuntimeException | Error e) {
      release.run();
      throw e;
    }
  }

  /** Available slots now (tests). */
  int available() {
    return slots.available();
  }

  private static final class SlotBody extends ResponseBody {
    private final ResponseBody delegate;
    private final BufferedSource source;
    // okhttp parses the Content-Type header on every contentType() call; readers ask several times
    private MediaType contentType;
    private boolean contentTypeRead;

    SlotBody(ResponseBody delegate, Runnable release) {
      this.delegate = delegate;
      this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            release.run();
          }
        }
      });
    }

    @Override
    public MediaType contentType() {
      if (!contentTypeRead) {
        contentType = delegate.contentType();
        contentTypeRead = true;
      }
      return contentType;
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }
}
