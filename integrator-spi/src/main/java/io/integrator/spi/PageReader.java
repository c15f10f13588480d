package io.integrator.spi;

import java.util.Optional;

/**
 * Pulls an export's records one page at a time. The engine calls {@link #next()} only when it has
 * room for another page, which is the whole of its back-pressure: a reader must not fetch ahead
 * more than it needs to fill the next page, so memory stays bounded by pages in flight times page
 * size, never by the size of the data set.
 *
 * <p>A reader is used by one thread at a time and closed exactly once, whether the run completes,
 * fails or is canceled. It should check {@link ExportContext#isCanceled()} between requests of a
 * long page and return {@link Optional#empty()} when it is set.
 */
public interface PageReader extends AutoCloseable {

  /**
   * Reads the next page.
   *
   * @return the next page (never empty of records unless it carries errors), or empty when the
   *     export has no more records
   * @throws AdaptorException when the source cannot be read; the job ends {@code failed}
   */
  Optional<Page> next() throws AdaptorException;

  /**
   * Commits what this reader consumed, for sources that remove or move what was read once it is
   * safely processed (a file export deletes or backs up its files here). The engine calls it at
   * most once, after every page the reader produced went through every processor of the flow and
   * the flow run ended {@code completed} (a preSavePage {@code abort} included), before {@link
   * #close()}. It is never called for failed or canceled runs, test runs, preview, standalone
   * invocations or lookup exports. A throw is recorded as one job error of the export; the run
   * stays {@code completed}. The default commits nothing.
   *
   * @throws AdaptorException when the commit failed
   */
  default void commit() throws AdaptorException {}

  /** Releases connections, streams and files. Must not throw for an already-finished reader. */
  @Override
  void close();
}
