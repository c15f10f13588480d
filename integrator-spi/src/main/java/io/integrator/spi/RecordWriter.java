package io.integrator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Submits mapped records to the destination of one import. One writer serves one job (or one
 * standalone invocation) and may be called from several threads at once, up to the connection's
 * {@code concurrencyLevel}; it is closed once at the end.
 *
 * <p>Return one {@link SubmitResult} per record, in order. A record the destination refused is a
 * failed result, not an exception: the engine counts it and stores a job error with the record.
 * Throw {@link AdaptorException} only when the whole batch could not be sent; every record then
 * fails with its code and classification. Transient failures ({@link Classification#isTransient})
 * of single records or of the whole batch are retried by the engine up to the import's {@code
 * maxAttempts}, after the wait the result or exception asks for: do not retry inside the writer.
 */
public interface RecordWriter extends AutoCloseable {

  /**
   * Submits a batch of mapped records (at most one page).
   *
   * @param records the records as the postMap hook returned them; read-only
   * @return exactly one result per record, aligned with {@code records}
   * @throws AdaptorException when nothing could be submitted
   */
  List<SubmitResult> submit(List<ObjectNode> records) throws AdaptorException;

  /**
   * Submits a batch of records with what the engine knows about each: the record before mapping,
   * its lookup values, the existing destination id and whether it is created or updated (see
   * {@link ImportRecord}). The engine always calls this method; the default sends the mapped
   * records to {@link #submit}, so writers that need nothing more implement only {@code submit}.
   * Writers that pick their request per record (a REST import's create/update entries, URI
   * placeholders) override this one.
   *
   * @param records the records, at most one page; read-only
   * @return exactly one result per record, aligned with {@code records}
   * @throws AdaptorException when nothing could be submitted
   */
  default List<SubmitResult> submitRecords(List<ImportRecord> records) throws AdaptorException {
    List<ObjectNode> mapped = new java.util.ArrayList<>(records.size());
    for (ImportRecord r : records) {
      mapped.add(r.record());
    }
    return submit(mapped);
  }

  /**
   * Completes what the writer aggregated over the run, for writers that do not send each record on
   * its own (a file import writes one file per run or per page) — and reports each aggregate for the
   * {@code postAggregate} hook. The engine calls it once, after the last page was submitted, when
   * the run neither failed nor was canceled; then it calls {@link #close()}. The default has nothing
   * to complete.
   *
   * @return one result per aggregate completed now, in the order they were written
   * @throws AdaptorException when completing failed as a whole (recorded as one job error)
   */
  default List<AggregateResult> finish() throws AdaptorException {
    return List.of();
  }

  /** Releases what the writer holds. */
  @Override
  default void close() {}
}
