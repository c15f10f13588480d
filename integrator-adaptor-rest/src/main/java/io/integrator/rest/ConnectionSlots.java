package io.integrator.rest;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-flight request slots of one connection. Fixed: {@code concurrencyLevel} slots. Adaptive
 * ({@code autoRecoverRateLimitErrors}): a throttled answer drops the limit to 1 slot, and every
 * {@value #SUCCESSES_PER_STEP} answers in a row that are not throttled add one slot, up to the
 * target ({@code targetConcurrencyLevel}, else {@code concurrencyLevel}). Waiting requests take
 * free slots in arrival order.
 */
final class ConnectionSlots {
  /** Answers in a row, none throttled, that give an adaptive connection one more slot. */
  static final int SUCCESSES_PER_STEP = 10;

  private final ReentrantLock lock = new ReentrantLock(true);
  private final Condition free = lock.newCondition();
  private final int target;
  private final boolean adaptive;
  private int limit;
  private int inFlight;
  private int successes;

  private ConnectionSlots(int target, boolean adaptive) {
    if (target < 1) {
      throw new IllegalArgumentException("at least one slot, got " + target);
    }
    this.target = target;
    this.adaptive = adaptive;
    this.limit = target;
  }

  /** {@code level} slots, always. */
  static ConnectionSlots fixed(int level) {
    return new ConnectionSlots(level, false);
  }

  /** Starts at {@code target} slots; throttling drops to 1, successes climb back. */
  static ConnectionSlots adaptive(int target) {
    return new ConnectionSlots(target, true);
  }

  void acquire() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (inFlight >= limit) {
        free.await();
      }
      inFlight++;
    } finally {
      lock.unlock();
    }
  }

  void release() {
    lock.lock();
    try {
      inFlight--;
      free.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Reports an answer: {@code throttled} when its status says so. Fixed slots ignore it. */
  void answered(boolean throttled) {
    if (!adaptive) {
      return;
    }
    lock.lock();
    try {
      if (throttled) {
        limit = 1;
        successes = 0;
      } else if (limit < target && ++successes >= SUCCESSES_PER_STEP) {
        limit++;
        successes = 0;
        free.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Slots free now (tests). */
  int available() {
    lock.lock();
    try {
      return Math.max(0, limit - inFlight);
    } finally {
      lock.unlock();
    }
  }

  /** The current limit (tests). */
  int limit() {
    lock.lock();
    try {
      return limit;
    } finally {
      lock.unlock();
    }
  }
}
