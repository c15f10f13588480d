package io.integrator.hook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.HookItem;
import io.integrator.spi.PostAggregateHook;
import io.integrator.spi.PostMapHook;
import io.integrator.spi.PostResponseMapHook;
import io.integrator.spi.PostSubmitHook;
import io.integrator.spi.PreMapHook;
import io.integrator.spi.PreSavePageHook;
import io.integrator.spi.SubmitResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls hooks and holds them to their contracts: an exception, a null answer, a wrong length, a
 * null item or a call that takes longer than the time limit becomes a {@link HookException} naming
 * the hook and what was wrong.
 *
 * <p>Each call runs on a thread of this object's own pool while the caller waits at most the time
 * limit. A call that exceeds it is interrupted ({@code Thread.interrupt()}) and fails with code
 * {@code hook_timeout}; the caller goes on at once. A hook that ignores the interrupt keeps its
 * pool thread until it returns, and whatever it returns then is dropped.
 */
public final class HookCalls implements AutoCloseable {
  /** The default per-call time limit: 5 minutes, as the product allows. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final Duration timeout;
  private final ExecutorService threads;

  /**
   * Creates a caller.
   *
   * @param timeout the most one hook call may take; positive
   */
  public HookCalls(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the hook timeout must be positive");
    }
    this.timeout = timeout;
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "integrator-hook-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** @return the per-call time limit */
  public Duration timeout() {
    return timeout;
  }

  private <T> T call(String kind, String id, Callable<T> c) {
    Future<T> f;
    try {
      f = threads.submit(c);
    } catch (RejectedExecutionException e) {
      throw new HookException("hook_failed", kind + " hook '" + id
          + "' was not called: the engine is closing");
    }
    try {
      return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new HookException("hook_timeout", kind + " hook '" + id + "' did not return within "
          + human(timeout) + " (the engine's hookTimeout) and was interrupted");
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new HookException("hook_failed", kind + " hook '" + id
          + "' was abandoned: the engine thread waiting for it was interrupted");
    } catch (ExecutionException e) {
      Throwable t = e.getCause() == null ? e : e.getCause();
      if (t instanceof Exception || t instanceof LinkageError || t instanceof StackOverflowError) {
        throw failed(kind, id, t);
      }
      if (t instanceof Error err) {
        throw err;
      }
      throw failed(kind, id, t);
    }
  }

  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms % 60_000 == 0) {
      return ms / 60_000 + " min";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + " s";
    }
    return ms + " ms";
  }

  /** Stops the pool's idle threads; calls still running are interrupted. */
  @Override
  public void close() {
    threads.shutdownNow();
  }

  /** Calls a preSavePage hook. */
  public PreSavePageHook.Response preSavePage(
      PreSavePageHook hook, String id, PreSavePageHook.Request request) {
    PreSavePageHook.Response r = call("preSavePage", id, () -> hook.preSavePage(request));
    if (r == null) {
      throw contract("preSavePage", id, "returned null instead of {data, errors, abort}");
    }
    checkItems("preSavePage", id, r.data());
    return r;
  }

  /** Calls a preMap hook; the answer has one item per record. */
  public List<HookItem> preMap(PreMapHook hook, String id, PreMapHook.Request request) {
    List<HookItem> r = call("preMap", id, () -> hook.preMap(request));
    return checkItems("preMap", id, aligned("preMap", id, r, request.data().size()));
  }

  /** Calls a postMap hook; the answer has one item per record. */
  public List<HookItem> postMap(PostMapHook hook, String id, PostMapHook.Request request) {
    List<HookItem> r = call("postMap", id, () -> hook.postMap(request));
    return checkItems("postMap", id, aligned("postMap", id, r, request.postMapData().size()));
  }

  /** Calls a postSubmit hook; the answer has one result per record. */
  public List<SubmitResult> postSubmit(
      PostSubmitHook hook, String id, PostSubmitHook.Request request) {
    List<SubmitResult> r = call("postSubmit", id, () -> hook.postSubmit(request));
    return checkItems(
        "postSubmit", id, aligned("postSubmit", id, r, request.responseData().size()));
  }

  /** Calls a postAggregate hook. */
  public void postAggregate(PostAggregateHook hook, String id, PostAggregateHook.Request request) {
    call("postAggregate", id, () -> {
      hook.postAggregate(request);
      return null;
    });
  }

  /** Calls a postResponseMap hook; the answer has one record per input record. */
  public List<ObjectNode> postResponseMap(
      PostResponseMapHook hook, String id, PostResponseMapHook.Request request) {
    List<ObjectNode> r = call("postResponseMap", id, () -> hook.postResponseMap(request));
    return checkItems(
        "postResponseMap",
        id,
        aligned("postResponseMap", id, r, request.postResponseMapData().size()));
  }

  private static <T> List<T> aligned(String kind, String id, List<T> r, int expected) {
    if (r == null) {
      throw contract(kind, id, "returned null instead of a list of " + expected + " items");
    }
    if (r.size() != expected) {
      throw contract(
          kind,
          id,
          "returned "
              + r.size()
              + " items for "
              + expected
              + " records; it must return exactly one item per record, in order");
    }
    return r;
  }

  private static <T> List<T> checkItems(String kind, String id, List<T> r) {
    for (int i = 0; i < r.size(); i++) {
      if (r.get(i) == null) {
        throw contract(kind, id, "returned null at index " + i + "; every item must be set");
      }
    }
    return r;
  }

  private static HookException failed(String kind, String id, Throwable e) {
    return new HookException(
        "hook_failed", kind + " hook '" + id + "' threw " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  private static HookException contract(String kind, String id, String what) {
    return new HookException("hook_contract", kind + " hook '" + id + "' " + what);
  }
}
