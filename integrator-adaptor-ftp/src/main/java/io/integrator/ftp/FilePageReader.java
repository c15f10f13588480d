package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.ExportContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads the files of an export's directory as pages (see {@link FileCursor}): one download at a
 * time, or up to {@code ftp.concurrencyLevel} at once ({@link ParallelPages}; not in test runs with
 * a limit). Each record's file name goes with the page. A failed transfer ends the run
 * (classification {@code intermittent}).
 */
final class FilePageReader implements PageReader {
  private final ExportContext context;
  private final RemoteFiles session;
  private final FileCursor cursor;
  private final ParallelPages parallel;
  private final List<RemoteFile> completedFiles = Collections.synchronizedList(new ArrayList<>());
  private final List<RemoteFile> listed;
  private final String directory;
  private long produced;

  private FilePageReader(
      ExportContext context,
      FtpSettings settings,
      RemoteFiles session,
      ExportFormat format,
      String directory,
      List<RemoteFile> listed,
      List<RemoteFile> selected) {
    this.context = context;
    this.session = session;
    this.directory = directory;
    this.listed = List.copyOf(listed);
    String type = context.export().path("file").path("type").asText("csv");
    int downloads = Math.min(settings.concurrencyLevel(), selected.size());
    if (downloads > 1 && context.limit() <= 0) {
      this.cursor = null;
      this.parallel =
          new ParallelPages(
              context, settings, session, format, type, selected, completedFiles, downloads);
    } else {
      Deque<RemoteFile> todo = new ArrayDeque<>(selected);
      this.cursor = new FileCursor(session, format, type, todo::poll, completedFiles);
      this.parallel = null;
    }
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
      return new FilePageReader(context, settings, session, format, directory, listed, selected);
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
    if (parallel != null) {
      return Optional.ofNullable(parallel.next());
    }
    long left = context.limit() > 0 ? context.limit() - produced : Long.MAX_VALUE;
    Page page = cursor.nextPage(context.pageSize(), left, context::isCanceled);
    if (page == null) {
      return Optional.empty();
    }
    produced += page.records().size();
    return Optional.of(page);
  }

  /** Files read to their end without a parse error (malformed rows included). */
  List<RemoteFile> completedFiles() {
    synchronized (completedFiles) {
      return List.copyOf(completedFiles);
    }
  }

  /**
   * The run completed, so every page was processed: every file read to its end is remembered in
   * the export's ledger ({@link Ledger}), then moved to {@code ftp.backupDirectoryPath} (same
   * name) or, without one, deleted, unless {@code file.skipDelete} is true. A file with malformed
   * rows counts as read to its end: its good rows went through the flow and its bad rows are job
   * errors naming file and line, so reading it again would send the good rows twice. A file
   * whose content broke off (a parse error) stays where it was. Uses a fresh session, as the
   * reading ones may have idled out while pages were processed.
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

  @Override
  public void close() {
    if (parallel != null) {
      parallel.close(); // the downloads close their sessions, the listing one included
    } else {
      cursor.close();
      session.close();
    }
  }
}
