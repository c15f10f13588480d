package io.integrator.pipeline;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * At most {@code permits} tasks running at once, without blocking a thread while waiting for a
 * permit: waiting tasks sit in a queue and are started when a running one ends. One per connection
 * ({@code concurrencyLevel}).
 */
final class AsyncLimiter {
  private final int permits;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int running;

  AsyncLimiter(int permits) {
    this.permits = permits <= 0 ? Integer.MAX_VALUE : permits;
  }

  <T> CompletableFuture<T> run(Executor executor, Callable<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Runnable start =
        () -> {
          try {
            executor.execute(
                () -> {
                  try {
                    f.complete(task.call());
                  } catch (Throwable t) {
                    f.completeExceptionally(t);
                  } finally {
                    release();
                  }
                });
          } catch (RuntimeException rejected) {
            f.completeExceptionally(rejected);
            release();
          }
        };
    synchronized (this) {
      if (running >= permits) {
        waiting.add(start);
        return f;
      }
      running++;
    }
    start.run();
    return f;
  }

  private void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        running--;
        return;
      }
    }
    next.run();
  }
}
