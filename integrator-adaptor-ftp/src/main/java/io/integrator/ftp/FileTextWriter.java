package io.integrator.ftp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Writes records into one file in an import's format; {@link #finish} ends the document. */
interface FileTextWriter {

  void write(ObjectNode record) throws IOException;

  /**
   * Writes what ends the document (a closing bracket, a last row delimiter) and closes the stream
   * chain, so a gzip or zip trailer is written.
   */
  void finish() throws IOException;
}
