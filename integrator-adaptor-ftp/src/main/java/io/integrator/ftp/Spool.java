package io.integrator.ftp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** One output file being written to a local temp file before upload. */
final class Spool implements AutoCloseable {
  private final Path path;
  private final OutputStream out;
  private final FileTextWriter writer;
  private final ObjectNode firstRecord;
  private int records;
  private boolean finished;
  /** The final file name this spool is uploaded as. */
  String fileName;

  Spool(ImportFormat format, String entryName, ObjectNode firstRecord) throws IOException {
    this.path = Files.createTempFile("integrator-ftp-", ".spool");
    this.out = new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024);
    this.writer = format.open(out, entryName);
    this.firstRecord = firstRecord;
  }

  void write(ObjectNode record) throws IOException {
    writer.write(record);
    records++;
  }

  int records() {
    return records;
  }

  ObjectNode firstRecord() {
    return firstRecord;
  }

  /** Ends the document and closes the file; returns its path for upload. */
  Path finish() throws IOException {
    if (!finished) {
      finished = true;
      writer.finish();
      out.close();
    }
    return path;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // deleting anyway
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a temp file left behind is cleaned by the OS
    }
  }
}
