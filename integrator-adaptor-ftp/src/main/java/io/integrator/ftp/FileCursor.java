package io.integrator.ftp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.Page;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Reads files one after the other through one session and cuts their records into pages; a page
 * may span files (the next file starts filling the page where the last one ended). Only the page
 * being filled is held. A malformed row becomes a page error naming file and line and the file
 * goes on; a file whose content cannot be read further becomes one page error and the cursor goes
 * on with the next file; a failed transfer throws (classification {@code intermittent}).
 *
 * <p>Files read to their end, malformed rows or not, are added to {@code completed}; files whose
 * content broke off are not. Used by one thread at a time.
 */
final class FileCursor implements AutoCloseable {
  private final RemoteFiles session;
  private final ExportFormat format;
  private final String type;
  private final Supplier<RemoteFile> files;
  private final Collection<RemoteFile> completed;
  private FileSource source;
  private RecordParser parser;
  private boolean fileFailed;

  /**
   * @param files the next file to read, or null when none is left (may be shared by cursors)
   * @param completed where files read to their end go (thread-safe when shared)
   */
  FileCursor(
      RemoteFiles session,
      ExportFormat format,
      String type,
      Supplier<RemoteFile> files,
      Collection<RemoteFile> completed) {
    this.session = session;
    this.format = format;
    this.type = type;
    this.files = files;
    this.completed = completed;
  }

  /**
   * The next page of at most {@code pageSize} records (and as many row errors), or null when
   * every file was read.
   *
   * @param maxRecords at most this many records (a test run's limit), else {@code pageSize}
   * @param stop checked between records; true ends the page early (cancel)
   */
  Page nextPage(int pageSize, long maxRecords, BooleanSupplier stop) throws AdaptorException {
    int wanted = (int) Math.min(pageSize, maxRecords);
    List<ObjectNode> records = new ArrayList<>(Math.min(wanted, 1024));
    List<String> names = new ArrayList<>(Math.min(wanted, 1024));
    List<ErrorItem> errors = new ArrayList<>();
    while (records.size() < wanted && errors.size() < pageSize && !stop.getAsBoolean()) {
      if (parser == null && !advance(errors)) {
        break;
      }
      try {
        ObjectNode r = parser.next();
        if (r == null) {
          closeParser();
          continue;
        }
        records.add(r);
        names.add(source.currentName());
      } catch (RowException e) {
        errors.add(
            new ErrorItem(
                "malformed_row",
                source.currentName() + " line " + e.line() + ": " + e.getMessage(),
                null));
      } catch (IOException | RuntimeException e) {
        failFile(e, errors);
      }
    }
    if (records.isEmpty() && errors.isEmpty()) {
      return null;
    }
    return new Page(records, errors, names);
  }

  /** Opens the next part of the current file or the next file; false when nothing is left. */
  private boolean advance(List<ErrorItem> errors) throws AdaptorException {
    while (true) {
      if (source == null) {
        RemoteFile f = files.get();
        if (f == null) {
          return false;
        }
        source = FileSource.open(session, f, format);
        fileFailed = false;
      }
      try {
        parser = source.nextParser();
      } catch (IOException | RuntimeException e) {
        failFile(e, errors);
        continue;
      }
      if (parser != null) {
        return true;
      }
      endFile();
    }
  }

  private void endFile() throws AdaptorException {
    FileSource s = source;
    source = null;
    try {
      s.close();
    } catch (IOException e) {
      throw Failures.io("downloading " + s.file().path(), e);
    }
    if (!fileFailed) {
      completed.add(s.file());
    }
  }

  /** Records a content failure of the current file and skips the rest of it. */
  private void failFile(Exception e, List<ErrorItem> errors) throws AdaptorException {
    FileSource s = source;
    if (s.transferFailed()) {
      closeParser();
      s.abandon();
      source = null;
      IOException io = e instanceof IOException x ? x : new IOException(e);
      throw Failures.io("downloading " + s.file().path(), io);
    }
    String name = s.currentName() == null ? s.file().name() : s.currentName();
    String what = format.compression().isEmpty() ? type : format.compression() + " " + type;
    errors.add(
        new ErrorItem(
            Classification.PARSE,
            name
                + " cannot be read as "
                + what
                + ": "
                + e.getMessage()
                + "; the rest of the file is skipped",
            null));
    fileFailed = true;
    closeParser();
    s.abandon();
    source = null;
  }

  private void closeParser() {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException ignored) {
        // a parser over a finished or abandoned stream
      }
      parser = null;
    }
  }

  /** Abandons the file being read (the session stays open: its owner closes it). */
  @Override
  public void close() {
    closeParser();
    if (source != null) {
      source.abandon();
      source = null;
    }
  }
}
