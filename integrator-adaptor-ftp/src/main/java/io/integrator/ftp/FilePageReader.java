package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.ExportContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads the files of an export's directory as pages. A file is parsed while it downloads and only
 * one page of records is held at a time; a page may span files (the next file starts filling the
 * page where the last one ended). Malformed rows become page errors naming file and line; a file
 * whose content cannot be read further becomes one page error and the reader goes on with the next
 * file; a failed transfer ends the run (classification {@code intermittent}).
 */
final class FilePageReader implements PageReader {
  private final ExportContext context;
  private final RemoteFiles session;
  private final ExportFormat format;
  private final Deque<RemoteFile> files;
  private final List<String> recordFiles = new ArrayList<>();
  private final List<RemoteFile> completedFiles = new ArrayList<>();
  private final List<RemoteFile> listed = new ArrayList<>();
  private String directory;
  private FileSource source;
  private RecordParser parser;
  private boolean fileFailed;
  private long produced;

  private FilePageReader(
      ExportContext context, RemoteFiles session, ExportFormat format, List<RemoteFile> files) {
    this.context = context;
    this.session = session;
    this.format = format;
    this.files = new ArrayDeque<>(files);
  }

  static FilePageReader open(ExportContext context) throws AdaptorException {
    FtpSettings settings = FtpSettings.of(context.connection());
    JsonNode ftp = context.export().path("ftp");
    String template = ftp.path("directoryPath").asText("");
    if (template.isBlank() && !ftp.has("directoryPath")) {
      throw Failures.value(
          "invalid_export", "ftp.directoryPath is required: the folder whose files are exported");
    }
    ExportFormat format = ExportFormat.of(context.export().path("file"));
    String directory =
        settings.resolve(
            Templates.render(template, "ftp.directoryPath", name -> value(context, name)));
    String startsWith = ftp.path("fileNameStartsWith").asText("");
    String endsWith = ftp.path("fileNameEndsWith").asText("");
    RemoteFiles session = Sessions.open(settings);
    try {
      List<RemoteFile> listed = new ArrayList<>();
      List<RemoteFile> selected = new ArrayList<>();
      for (RemoteFile f : session.list(directory)) {
        if (f.name().startsWith(startsWith) && f.name().endsWith(endsWith)) {
          listed.add(f);
          if (!Ledger.processed(context.state(), f)) {
            selected.add(f);
          }
        }
      }
      FilePageReader reader = new FilePageReader(context, session, format, selected);
      reader.listed.addAll(listed);
      reader.directory = directory;
      return reader;
    } catch (AdaptorException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** Values for {@code ftp.directoryPath} placeholders. */
  static String value(ExportContext context, String name) {
    return switch (name) {
      case "lastExportDateTime" -> context.lastExportDateTimeText();
      case "currentExportDateTime" -> context.currentExportDateTimeText();
      default -> Templates.path(context.data(), name.startsWith("data.") ? name.substring(5) : name);
    };
  }

  @Override
  public Optional<Page> next() throws AdaptorException {
    int pageSize = context.pageSize();
    List<ObjectNode> records = new ArrayList<>();
    List<ErrorItem> errors = new ArrayList<>();
    recordFiles.clear();
    while (records.size() < pageSize
        && errors.size() < pageSize
        && !context.isCanceled()
        && (context.limit() <= 0 || produced < context.limit())) {
      if (parser == null && !advance(errors)) {
        break;
      }
      try {
        ObjectNode r = parser.next();
        if (r == null) {
          endPart();
          continue;
        }
        records.add(r);
        recordFiles.add(source.currentName());
        produced++;
      } catch (RowException e) {
        fileFailed = true;
        errors.add(
            ErrorItem.of(
                "malformed_row", source.currentName() + " line " + e.line() + ": " + e.getMessage()));
      } catch (IOException | RuntimeException e) {
        failFile(e, errors);
      }
    }
    if (records.isEmpty() && errors.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Page(records, errors, List.copyOf(recordFiles)));
  }

  /** Files read to their end without a parse error (malformed rows included). */
  List<RemoteFile> completedFiles() {
    return List.copyOf(completedFiles);
  }

  /**
   * The run completed: every file read to its end without a parse error is remembered in the
   * export's ledger ({@link Ledger}), then moved to {@code
   * ftp.backupDirectoryPath} (same name) or, without one, deleted, unless {@code file.skipDelete}
   * is true. Files with malformed rows or unreadable content stay where they were. Uses a fresh
   * session, as the reading one may have idled out while pages were processed.
   */
  @Override
  public void commit() throws AdaptorException {
    if (context.testMode() || completedFiles.isEmpty()) {
      return;
    }
    Ledger.remember(context.state(), directory, listed, completedFiles);
    JsonNode file = context.export().path("file");
    if (file.path("skipDelete").asBoolean(false)) {
      completedFiles.clear();
      return;
    }
    FtpSettings settings = FtpSettings.of(context.connection());
    String backup = context.export().path("ftp").path("backupDirectoryPath").asText("");
    try (RemoteFiles commit = Sessions.open(settings)) {
      String backupDir = backup.isBlank() ? null : settings.resolve(backup);
      if (backupDir != null) {
        commit.makeDirectories(backupDir);
      }
      for (RemoteFile f : completedFiles) {
        if (backupDir != null) {
          commit.rename(f.path(), RemoteFiles.join(backupDir, f.name()));
        } else {
          commit.delete(f.path());
        }
      }
    }
    completedFiles.clear();
  }

  /** Opens the next part of the current file or the next file; false when nothing is left. */
  private boolean advance(List<ErrorItem> errors) throws AdaptorException {
    while (true) {
      if (source == null) {
        RemoteFile f = files.poll();
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

  private void endPart() throws AdaptorException {
    closeParser();
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
      completedFiles.add(s.file());
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
    errors.add(
        new ErrorItem(
            Classification.PARSE,
            name + " cannot be read as " + describe() + ": " + e.getMessage() + "; the rest of the file is skipped",
            null));
    fileFailed = true;
    closeParser();
    s.abandon();
    source = null;
  }

  private String describe() {
    String type = context.export().path("file").path("type").asText("csv");
    return format.compression().isEmpty() ? type : format.compression() + " " + type;
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

  @Override
  public void close() {
    closeParser();
    if (source != null) {
      source.abandon();
      source = null;
    }
    session.close();
  }
}
