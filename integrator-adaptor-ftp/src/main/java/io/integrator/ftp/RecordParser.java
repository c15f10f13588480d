package io.integrator.ftp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the records of one file while it downloads, one at a time.
 *
 * <p>{@link #next()} throws {@link RowException} for one malformed row (the parser goes on) and
 * {@link IOException} when the file as a whole cannot be read further (broken syntax, a transfer
 * failure).
 */
interface RecordParser extends Closeable {

  /** The next record, or null at the end of the file. */
  ObjectNode next() throws RowException, IOException;
}
