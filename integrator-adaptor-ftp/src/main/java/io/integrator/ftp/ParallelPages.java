package io.integrator.ftp;

import io.integrator.spi.AdaptorException;
import io.integrator.spi.ExportContext;
import io.integrator.spi.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ftp.concurrencyLevel} above 1 on an export: that many downloads at once, each on its own
 * session and thread, each a {@link FileCursor} taking the next file from a shared queue. Pages
 * wait in a queue of {@code downloads} pages, and each download fills at most one more: at most 2
 * x downloads pages are held. A page holds records of the files one download read (with their
 * names), never of two downloads. The first failed transfer or session stops every download and
 * is thrown by {@link #next()}.
 */
final class ParallelPages implements AutoCloseable {
  private static final Object END = new Object();

  private final BlockingQueue<Object> pages;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final ExportContext context;
  private int running;

  /**
   * Starts the downloads.
   *
   * @param first the session that listed the files; the first download uses it (and closes it)
   */
  ParallelPages(
      ExportContext context,
      FtpSettings settings,
      RemoteFiles first,
      ExportFormat format,
      String type,
      List<RemoteFile> files,
      Collection<RemoteFile> completed,
      int downloads) {
    this.context = context;
    this.pages = new ArrayBlockingQueue<>(downloads);
    ConcurrentLinkedQueue<RemoteFile> todo = new ConcurrentLinkedQueue<>(files);
    this.running = downloads;
    for (int i = 0; i < downloads; i++) {
      RemoteFiles own = i == 0 ? first : null;
      Thread t =
          new Thread(
              () -> download(settings, own, format, type, todo, completed),
              "integrator-ftp-download-" + (i + 1));
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
  }

  private void download(
      FtpSettings settings,
      RemoteFiles given,
      ExportFormat format,
      String type,
      ConcurrentLinkedQueue<RemoteFile> todo,
      Collection<RemoteFile> completed) {
    RemoteFiles session = given;
    try {
      if (session == null) {
        if (todo.isEmpty()) {
          return;
        }
        session = Sessions.open(settings);
      }
      try (FileCursor cursor = new FileCursor(session, format, type, todo::poll, completed)) {
        while (!stopped.get()) {
          Page page = cursor.nextPage(context.pageSize(), Long.MAX_VALUE, this::stopping);
          if (page == null || !hand(page)) {
            return;
          }
        }
      }
    } catch (AdaptorException | RuntimeException e) {
      stopped.set(true);
      hand(e);
    } finally {
      if (session != null) {
        session.close();
      }
      hand(END);
    }
  }

  private boolean stopping() {
    return stopped.get() || context.isCanceled();
  }

  /**
   * Queues a page, failure or end mark; false when the reader stopped meanwhile. Once stopped,
   * pages are dropped, and a failure or end mark makes room by dropping the queued pages (the
   * failure that stopped the reader is queued first, so it is never the one dropped).
   */
  private boolean hand(Object item) {
    try {
      while (!pages.offer(item, 100, TimeUnit.MILLISECONDS)) {
        if (stopped.get()) {
          if (item instanceof Page) {
            return false;
          }
          pages.removeIf(queued -> queued instanceof Page);
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The next page of any download, or null when every download ended. */
  Page next() throws AdaptorException {
    while (running > 0) {
      Object item;
      try {
        item = pages.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped.set(true);
        return null;
      }
      if (item == END) {
        running--;
      } else if (item instanceof AdaptorException e) {
        stopped.set(true);
        throw e;
      } else if (item instanceof RuntimeException e) {
        stopped.set(true);
        throw e;
      } else {
        return (Page) item;
      }
    }
    return null;
  }

  /**
   * Stops the downloads and waits (up to 30 s) for them to close their sessions, emptying the
   * queue meanwhile so that none waits to hand something over.
   */
  @Override
  public void close() {
    stopped.set(true);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (Thread t : threads) {
      while (t.isAlive() && System.nanoTime() < deadline) {
        pages.clear();
        try {
          t.join(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    pages.clear();
  }
}
