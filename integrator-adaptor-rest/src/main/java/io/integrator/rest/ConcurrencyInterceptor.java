package io.integrator.rest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Caps the in-flight requests of one connection ({@code concurrencyLevel}): a fair semaphore, so
 * waiting requests go in FIFO order. A slot is held until the response body is closed, so a
 * streamed export page counts as in flight while it is read.
 */
final class ConcurrencyInterceptor implements Interceptor {
  private final Semaphore slots;

  ConcurrencyInterceptor(int level) {
    this.slots = new Semaphore(level, true);
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
    return slots.availablePermits();
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
