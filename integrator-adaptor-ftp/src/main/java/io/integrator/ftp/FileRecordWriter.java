package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.AggregateResult;
import io.integrator.spi.Classification;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.ImportContext;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes an import's records into files (REFERENCE §4.7). Records are spooled to a local temp file
 * in the import's format; a complete file is uploaded under a temporary name and renamed to its
 * final name (unless {@code file.skipRename}), with a copy in {@code ftp.backupDirectoryPath} when
 * set.
 *
 * <p>Aggregation: {@code all} (default) writes one file per run, uploaded in {@link #finish()};
 * {@code page} ({@code file.aggregation.type: page}) one file per submitted page; {@code
 * file.skipAggregation: true} one file per record. In {@code all} mode submits are serialized into
 * the one spool; in {@code page} and record mode up to the connection's {@code
 * ftp.concurrencyLevel} (default 1) files are uploaded at once, each on its own session, when the
 * engine submits pages concurrently.
 */
final class FileRecordWriter implements RecordWriter {
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private enum Mode {
    ALL,
    PAGE,
    RECORD
  }

  private final ImportContext context;
  private final FtpSettings settings;
  private final ImportFormat format;
  private final Mode mode;
  private final String directory;
  private final String backupDirectory;
  private final String nameTemplate;
  private final String inProgressTemplate;
  private final boolean skipRename;
  private final String runId = UUID.randomUUID().toString();
  private final Semaphore uploads;
  private final AtomicInteger sequence = new AtomicInteger();
  private final Set<String> used = ConcurrentHashMap.newKeySet();
  private Spool spool;

  private FileRecordWriter(ImportContext context, FtpSettings settings, ImportFormat format, Mode mode) {
    this.context = context;
    this.settings = settings;
    this.format = format;
    this.mode = mode;
    JsonNode doc = context.importDocument();
    JsonNode ftp = doc.path("ftp");
    this.directory = settings.resolve(ftp.path("directoryPath").asText(""));
    String backup = ftp.path("backupDirectoryPath").asText("");
    this.backupDirectory = backup.isBlank() ? null : settings.resolve(backup);
    String name = doc.path("file").path("fileName").asText(ftp.path("fileName").asText(""));
    if (name.isBlank()) {
      String ext = ftp.path("fileExtension").asText("");
      name = "{{timestamp}}" + (ext.isBlank() ? format.extension() : ext.startsWith(".") ? ext : "." + ext);
    }
    this.nameTemplate = name;
    String inProgress = ftp.path("inProgressFileName").asText("");
    this.inProgressTemplate = inProgress.isBlank() ? null : inProgress;
    this.skipRename = doc.path("file").path("skipRename").asBoolean(false);
    this.uploads = new Semaphore(settings.concurrencyLevel(), true);
  }

  static FileRecordWriter open(ImportContext context) throws AdaptorException {
    FtpSettings settings = FtpSettings.of(context.connection());
    JsonNode doc = context.importDocument();
    if (doc.path("ftp").path("directoryPath").asText("").isBlank()
        && !doc.path("ftp").has("directoryPath")) {
      throw Failures.value("invalid_import", "ftp.directoryPath is required: the folder files are written to");
    }
    JsonNode file = doc.path("file");
    ImportFormat format = ImportFormat.of(file);
    Mode mode;
    if (file.path("skipAggregation").asBoolean(false)) {
      mode = Mode.RECORD;
    } else {
      String type = file.path("aggregation").path("type").asText("all").toLowerCase(Locale.ROOT);
      mode = switch (type) {
        case "all" -> Mode.ALL;
        case "page" -> Mode.PAGE;
        default -> throw Failures.value("invalid_import", "file.aggregation.type must be all or page, got " + type);
      };
    }
    FileRecordWriter w = new FileRecordWriter(context, settings, format, mode);
    // fail early on a template that cannot be rendered
    w.fileName(doc.deepCopy(), Instant.now(), 0);
    return w;
  }

  @Override
  public List<SubmitResult> submit(List<ObjectNode> records) throws AdaptorException {
    List<SubmitResult> results = new ArrayList<>(records.size());
    if (records.isEmpty()) {
      return results;
    }
    if (mode == Mode.ALL) {
      return spoolAll(records, results);
    }
    try {
      uploads.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdaptorException(
          "interrupted", "interrupted while waiting to upload", Classification.INTERMITTENT);
    }
    try {
      switch (mode) {
        case PAGE -> {
          String name = upload(records);
          records.forEach(r -> results.add(SubmitResult.success(name, null)));
        }
        default -> {
          for (ObjectNode r : records) {
            results.add(SubmitResult.success(upload(List.of(r)), null));
          }
        }
      }
    } catch (IOException e) {
      throw Failures.io("spooling records to a local temp file", e);
    } finally {
      uploads.release();
    }
    return results;
  }

  private synchronized List<SubmitResult> spoolAll(
      List<ObjectNode> records, List<SubmitResult> results) throws AdaptorException {
    try {
      for (ObjectNode r : records) {
        if (spool == null) {
          spool = newSpool(r);
        }
        spool.write(r);
        results.add(SubmitResult.success(null, null));
      }
    } catch (IOException e) {
      throw Failures.io("spooling records to a local temp file", e);
    }
    return results;
  }

  @Override
  public synchronized List<AggregateResult> finish() {
    if (mode != Mode.ALL || spool == null) {
      return List.of();
    }
    Spool s = spool;
    spool = null;
    try (s) {
      String name = s.fileName;
      try {
        transfer(s.finish(), name);
        return List.of(AggregateResult.written(RemoteFiles.join(directory, name)));
      } catch (AdaptorException e) {
        return List.of(AggregateResult.failed(RemoteFiles.join(directory, name), new ErrorItem(e.code(), e.getMessage(), "connection")));
      } catch (IOException e) {
        return List.of(AggregateResult.failed(RemoteFiles.join(directory, name), new ErrorItem("io_error", "spooling " + name + " failed: " + e.getMessage(), "connection")));
      }
    }
  }

  private String upload(List<ObjectNode> records) throws IOException, AdaptorException {
    try (Spool s = newSpool(records.get(0))) {
      for (ObjectNode r : records) {
        s.write(r);
      }
      transfer(s.finish(), s.fileName);
      return RemoteFiles.join(directory, s.fileName);
    }
  }

  private Spool newSpool(ObjectNode first) throws IOException, AdaptorException {
    int seq = sequence.incrementAndGet();
    String name = unique(fileName(first, Instant.now(), seq), seq);
    Spool s = new Spool(format, name, first);
    s.fileName = name;
    return s;
  }

  /**
   * A name this writer has not written yet: a repeat (two pages within the same millisecond of
   * {@code {{timestamp}}}, concurrent uploads) gets {@code -<sequence>} before its extension.
   */
  private String unique(String name, int seq) {
    if (used.add(name)) {
      return name;
    }
    int dot = name.indexOf('.');
    String other = dot > 0 ? name.substring(0, dot) + "-" + seq + name.substring(dot) : name + "-" + seq;
    used.add(other);
    return other;
  }

  /** Uploads a finished spool file: temp name, rename, backup copy. Nothing in test mode. */
  private void transfer(Path local, String name) throws AdaptorException {
    if (context.testMode()) {
      return;
    }
    String target = RemoteFiles.join(directory, name);
    String temp =
        skipRename
            ? target
            : RemoteFiles.join(
                directory,
                inProgressTemplate == null
                    ? name + ".inprogress"
                    : Templates.render(inProgressTemplate, "ftp.inProgressFileName", k -> k.equals("fileName") ? name : null));
    try (RemoteFiles session = Sessions.open(settings)) {
      session.makeDirectories(directory);
      put(session, local, temp);
      if (!temp.equals(target)) {
        session.rename(temp, target);
      }
      if (backupDirectory != null) {
        session.makeDirectories(backupDirectory);
        put(session, local, RemoteFiles.join(backupDirectory, name));
      }
    }
  }

  private static void put(RemoteFiles session, Path local, String remote) throws AdaptorException {
    try (InputStream in = Files.newInputStream(local)) {
      OutputStream out = session.write(remote);
      try {
        in.transferTo(out);
      } finally {
        out.close();
      }
    } catch (IOException e) {
      throw Failures.io("uploading " + remote, e);
    }
  }

  /**
   * Renders the file name: {@code {{timestamp}}} ({@code yyyyMMdd'T'HHmmssSSS'Z'}, UTC), {@code
   * {{date 'YYYYMMDD'}}} (document date tokens, UTC), {@code {{uuid}}}, {@code {{runId}}} (one per
   * writer), {@code {{jobId}}} (the import's job, else the runId), {@code {{sequence}}} (1, 2, ... per file of the run), and any field of the file's first
   * record ({@code {{customerId}}}, {@code {{record.customer.id}}}).
   */
  String fileName(JsonNode first, Instant now, int seq) throws AdaptorException {
    String name =
        Templates.render(
            nameTemplate,
            "file.fileName",
            key -> {
              if (key.equals("timestamp")) {
                return TIMESTAMP.format(now);
              }
              if (key.equals("uuid")) {
                return UUID.randomUUID().toString();
              }
              if (key.equals("runId")) {
                return runId;
              }
              if (key.equals("jobId")) {
                return context.jobId() == null ? runId : context.jobId();
              }
              if (key.equals("sequence")) {
                return String.valueOf(seq);
              }
              if (key.startsWith("date ")) {
                String pattern = key.substring(5).trim().replaceAll("^['\"]|['\"]$", "");
                return io.integrator.spi.DocumentDateFormat.format(now, pattern);
              }
              String v = Templates.path(first, key.startsWith("record.") ? key.substring(7) : key);
              return v == null ? "" : v;
            });
    if (name.isBlank() || name.contains("/")) {
      throw Failures.value("invalid_import", "file.fileName '" + nameTemplate + "' renders to '" + name + "', not a file name");
    }
    return name;
  }

  @Override
  public synchronized void close() {
    if (spool != null) {
      spool.close();
      spool = null;
    }
  }
}
