package io.integrator.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.spi.Adaptor;
import io.integrator.spi.ImportContext;
import io.integrator.spi.PingResult;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import io.integrator.store.Stores;
import io.integrator.testkit.FtpTestServer;
import io.integrator.testkit.SftpTestServer;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * A large CSV over FTP or SFTP: a flow (FTP adaptor export, pages of 1000, a two-field mapping,
 * a counting in-memory import; and the same flow into a local HTTP API, {@link BulkSink}) against plain download + CSV parse loops in the same JVM: the
 * baseline is commons-net (or SSHD) into FastCSV, the parser the adaptor uses, reading every
 * field of every row; a second plain loop with commons-csv is printed for reference. Prints wall
 * time, throughput, process CPU time and peak heap of each leg, and the flow's ratios to the
 * baseline of the same round. Not JMH: one pass per leg and round, after a warm-up round on a
 * small file. The servers run in this JVM, so process CPU includes their share, the same for
 * every leg.
 *
 * <pre>
 * java -Xmx128m -cp benchmarks/target/benchmarks.jar io.integrator.benchmarks.FileExportBenchmark 1024 ftp [rounds] [legs]
 * </pre>
 *
 * <p>{@code legs} (default all) is a comma-separated subset of {@code commons,reader,flow,http,plainhttp};
 * the FastCSV baseline always runs, as every ratio is against it.
 */
public final class FileExportBenchmark {
  /** The flows' two-field mapping. */
  private static final String MAPPING = """
      {"fields": [{"extract": "id", "generate": "id"}, {"extract": "amount", "generate": "total"}]}""";

  private FileExportBenchmark() {}

  /** One leg's measurements. */
  private record Leg(String name, long nanos, long cpuNanos, long peakHeap, long gcs, long gcMillis) {}

  /**
   * Arguments: size in MB (default 256), protocol {@code ftp} or {@code sftp} (default ftp),
   * rounds (default 1), legs (default {@code commons,reader,flow,http,plainhttp}).
   */
  public static void main(String[] args) throws Exception {
    int mb = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    String protocol = args.length > 1 ? args[1] : "ftp";
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Set<String> legs = Set.of((args.length > 3 ? args[3] : "commons,reader,flow,http,plainhttp").split(","));
    boolean sftp = protocol.equals("sftp");
    FtpTestServer ftpServer = sftp ? null : FtpTestServer.start();
    SftpTestServer sftpServer = sftp ? SftpTestServer.start() : null;
    Path home = sftp ? sftpServer.home() : ftpServer.home();
    BulkSink sink = new BulkSink();
    PlainHttpLoop plainHttp = new PlainHttpLoop(sink.baseUri());
    try {
      Path warm = Files.createDirectories(home.resolve("warm"));
      long warmRows = generate(warm.resolve("w.csv"), Integer.getInteger("warmup.mb", 5));
      Path in = Files.createDirectories(home.resolve("in"));
      long rows = generate(in.resolve("big.csv"), mb);
      long bytes = Files.size(in.resolve("big.csv"));
      String connection = sftp
          ? """
            {"name": "S", "type": "sftp", "ftp": {"hostURI": "%s", "port": %d, "username": "%s",
             "password": "%s", "hostKeyFingerprint": "%s"}}"""
              .formatted(sftpServer.host(), sftpServer.port(), sftpServer.username(),
                  sftpServer.password(), sftpServer.hostKeyFingerprint())
          : """
            {"name": "F", "type": "ftp", "ftp": {"hostURI": "%s", "port": %d, "username": "%s",
             "password": "%s"}}"""
              .formatted(ftpServer.host(), ftpServer.port(), ftpServer.username(), ftpServer.password());

      // warm-up: every leg once on the small file (-Dwarmup.mb, default 5)
      plain(sftp, ftpServer, sftpServer, "warm/w.csv", true);
      if (legs.contains("commons")) {
        plain(sftp, ftpServer, sftpServer, "warm/w.csv", false);
      }
      if (legs.contains("reader")) {
        readerOnly(connection, "warm");
      }
      if (legs.contains("flow")) {
        flow(connection, "warm", warmRows);
      }
      if (legs.contains("http")) {
        httpFlow(connection, "warm", warmRows, sink);
      }
      if (legs.contains("plainhttp")) {
        plainHttp(sftp, ftpServer, sftpServer, "warm/w.csv", warmRows, sink, plainHttp);
      }

      double mbytes = bytes / 1_048_576.0;
      System.out.printf(Locale.ROOT, "%s, %.0f MB, %,d rows, -Xmx %d MB, %d cores%n", protocol, mbytes,
          rows, Runtime.getRuntime().maxMemory() / 1_048_576,
          Runtime.getRuntime().availableProcessors());
      java.util.Map<String, List<Double>> ratios = new java.util.LinkedHashMap<>();
      for (int round = 1; round <= rounds; round++) {
        Leg fast = measure("plain FastCSV", () -> check(plain(sftp, ftpServer, sftpServer, "in/big.csv", true), rows));
        List<Leg> measured = new ArrayList<>(List.of(fast));
        if (legs.contains("commons")) {
          measured.add(measure("plain commons-csv", () -> check(plain(sftp, ftpServer, sftpServer, "in/big.csv", false), rows)));
        }
        if (legs.contains("reader")) {
          measured.add(measure("adaptor reader", () -> check(readerOnly(connection, "in"), rows)));
        }
        if (legs.contains("flow")) {
          measured.add(measure("integrator flow", () -> flow(connection, "in", rows)));
        }
        if (legs.contains("http")) {
          measured.add(measure("flow -> HTTP", () -> httpFlow(connection, "in", rows, sink)));
        }
        if (legs.contains("plainhttp")) {
          measured.add(measure("plain -> HTTP", () -> plainHttp(sftp, ftpServer, sftpServer, "in/big.csv", rows, sink, plainHttp)));
        }
        System.out.printf(Locale.ROOT, "round %d (load average %.1f)%n", round,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (Leg leg : measured) {
          System.out.printf(Locale.ROOT,
              "  %-18s %6.1f s  %6.1f MB/s  CPU %6.1f s  peak heap %4d MB  GC %4d x %5d ms%n", leg.name(),
              leg.nanos() / 1e9, mbytes / (leg.nanos() / 1e9), leg.cpuNanos() / 1e9,
              leg.peakHeap() / 1_048_576, leg.gcs(), leg.gcMillis());
        }
        for (Leg leg : measured.subList(1, measured.size())) {
          ratio(ratios, leg, fast);
        }
        Leg http = find(measured, "flow -> HTTP");
        Leg handWritten = find(measured, "plain -> HTTP");
        if (http != null && handWritten != null) {
          ratio(ratios, http, handWritten);
        }
      }
      if (rounds > 1) {
        System.out.printf(Locale.ROOT, "median of %d rounds%n", rounds);
        ratios.forEach((name, values) -> System.out.printf(Locale.ROOT,
            "  %s: throughput %.2f (%.2f-%.2f)%n", name, median(values),
            values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
            values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
      }
    } finally {
      sink.close();
      if (ftpServer != null) {
        ftpServer.close();
      }
      if (sftpServer != null) {
        sftpServer.close();
      }
    }
  }

  /** Prints and keeps {@code leg}'s throughput and CPU relative to {@code base}. */
  private static void ratio(java.util.Map<String, List<Double>> ratios, Leg leg, Leg base) {
    double throughput = (double) base.nanos() / leg.nanos();
    System.out.printf(Locale.ROOT, "  %s / %s: throughput %.2f, CPU %.2fx%n", leg.name(),
        base.name(), throughput, (double) leg.cpuNanos() / base.cpuNanos());
    ratios.computeIfAbsent(leg.name() + " / " + base.name(), k -> new ArrayList<>()).add(throughput);
  }

  private static Leg find(List<Leg> legs, String name) {
    return legs.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static long generate(Path file, int mb) throws Exception {
    long target = mb * 1_048_576L;
    long written = 0;
    long rows = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      String header = "id,name,amount,comment\n";
      w.write(header);
      written += header.length();
      while (written < target) {
        String line = rows + ",customer " + (rows % 9973) + "," + (rows % 100000) / 100.0
            + ",\"free text, with a comma and some more words to pad the row\"\n";
        w.write(line);
        written += line.length();
        rows++;
      }
    }
    return rows;
  }

  /** A leg's work; throws when the result is wrong. */
  private interface Work {
    void run() throws Exception;
  }

  private static Leg measure(String name, Work work) throws Exception {
    System.gc();
    resetPeaks();
    long cpu0 = processCpu();
    long gcs0 = gcs();
    long gcMillis0 = gcMillis();
    long t0 = System.nanoTime();
    work.run();
    long nanos = System.nanoTime() - t0;
    return new Leg(name, nanos, processCpu() - cpu0, peakHeap(), gcs() - gcs0, gcMillis() - gcMillis0);
  }

  private static long gcs() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void check(long read, long rows) {
    if (read != rows) {
      throw new IllegalStateException("plain loop read " + read + " of " + rows + " rows");
    }
  }

  /** What a plain loop does with the downloaded bytes; returns the rows it handled. */
  private interface Parse {
    long parse(InputStream in) throws Exception;
  }

  private static long plain(boolean sftp, FtpTestServer f, SftpTestServer s, String path,
      boolean fastCsv) throws Exception {
    Parse parse = fastCsv ? FileExportBenchmark::parseFastCsv : FileExportBenchmark::parseCommonsCsv;
    return sftp ? plainSftp(s, path, parse) : plainFtp(f, path, parse);
  }

  /** Download + FastCSV + a JSON body per 1000 rows to the sink, by hand ({@link PlainHttpLoop}). */
  private static void plainHttp(boolean sftp, FtpTestServer f, SftpTestServer s, String path,
      long expected, BulkSink sink, PlainHttpLoop loop) throws Exception {
    sink.reset();
    long results = sftp ? plainSftp(s, path, loop::run) : plainFtp(f, path, loop::run);
    if (results != expected || sink.records() != expected) {
      throw new IllegalStateException("plain HTTP loop: " + results + " results and "
          + sink.records() + " received of " + expected + " rows");
    }
  }

  /**
   * The baseline parse: FastCSV with a header row, every field of every row read (as the flow
   * turns each into a record field); the row count is returned.
   */
  private static long parseFastCsv(InputStream in) throws Exception {
    long n = 0;
    long chars = 0;
    try (CsvReader<CsvRecord> reader = CsvReader.builder()
        .ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      boolean header = true;
      for (CsvRecord r : reader) {
        if (header) {
          header = false;
          continue;
        }
        for (int i = 0; i < r.getFieldCount(); i++) {
          chars += r.getField(i).length();
        }
        n++;
      }
    }
    if (chars == 0 && n > 0) {
      throw new IllegalStateException("empty rows");
    }
    return n;
  }

  /** The reference parse: commons-csv with a header row, every field of every row read. */
  private static long parseCommonsCsv(InputStream in) throws Exception {
    long n = 0;
    long chars = 0;
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser p = CSVParser.builder().setReader(new InputStreamReader(in, StandardCharsets.UTF_8)).setFormat(format).get()) {
      for (CSVRecord r : p) {
        for (int i = 0; i < r.size(); i++) {
          chars += r.get(i).length();
        }
        n++;
      }
    }
    if (chars == 0 && n > 0) {
      throw new IllegalStateException("empty rows");
    }
    return n;
  }

  private static long plainFtp(FtpTestServer s, String path, Parse parse) throws Exception {
    FTPClient c = new FTPClient();
    c.connect(s.host(), s.port());
    c.login(s.username(), s.password());
    c.setFileType(FTP.BINARY_FILE_TYPE);
    c.enterLocalPassiveMode();
    try (InputStream in = new java.io.BufferedInputStream(c.retrieveFileStream(path), 65536)) {
      return parse.parse(in);
    } finally {
      c.completePendingCommand();
      c.logout();
      c.disconnect();
    }
  }

  private static long plainSftp(SftpTestServer s, String path, Parse parse) throws Exception {
    SshClient ssh = SshClient.setUpDefaultClient();
    ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    ssh.start();
    try (ClientSession session = ssh.connect(s.username(), s.host(), s.port()).verify(Duration.ofSeconds(30)).getSession()) {
      session.addPasswordIdentity(s.password());
      session.auth().verify(Duration.ofSeconds(30));
      try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
          InputStream in = new java.io.BufferedInputStream(sftp.read(path), 65536)) {
        return parse.parse(in);
      }
    } finally {
      ssh.stop();
    }
  }

  /**
   * The FTP adaptor's page reader alone, without the engine: download, parse and one {@code
   * ObjectNode} per row, pages of 1000; returns the record count. Splits the flow's cost into the
   * adaptor's and the engine's.
   */
  private static long readerOnly(String connection, String dir) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    io.integrator.spi.ExportContext ctx = new io.integrator.spi.ExportContext(
        (ObjectNode) mapper.readTree("""
            {"pageSize": 1000, "ftp": {"directoryPath": "%s"}, "file": {"type": "csv"}}"""
            .formatted(dir)),
        (ObjectNode) mapper.readTree(connection), java.util.Optional.empty(),
        java.util.Optional.empty(), 0, null, false, null);
    long n = 0;
    try (io.integrator.spi.PageReader r = new io.integrator.ftp.FtpAdaptor().openReader(ctx)) {
      for (var p = r.next(); p.isPresent(); p = r.next()) {
        n += p.get().records().size();
      }
    }
    return n;
  }

  private static void flow(String connection, String dir, long expected) {
    AtomicLong count = new AtomicLong();
    Adaptor sink = new Adaptor() {
      @Override
      public Set<String> connectionTypes() {
        return Set.of("rest");
      }

      @Override
      public PingResult ping(ObjectNode c) {
        return PingResult.success();
      }

      @Override
      public RecordWriter openWriter(ImportContext context) {
        return records -> {
          count.addAndGet(records.size());
          return records.stream().map(r -> SubmitResult.success(null, null)).toList();
        };
      }
    };
    try (Integrator integrator = Integrator.builder().store(Stores.inMemory()).adaptor(sink).build()) {
      String mem = integrator.connections().create("""
          {"name": "M", "type": "rest", "rest": {"baseURI": "https://mem.test", "mediaType": "json"}}""").id();
      Job job = runFlow(integrator, connection, dir, """
          {"name": "I", "_connectionId": "%s", "rest": {"relativeURI": "/x", "method": "POST"},
           "mapping": %s}""".formatted(mem, MAPPING));
      if (!"completed".equals(job.status()) || count.get() != expected) {
        throw new IllegalStateException("flow " + job.status() + " with " + count.get() + " of " + expected + " records");
      }
    }
  }

  /**
   * The same flow into a local HTTP API: an {@code http} import posting the mapped records in
   * batches of 1000 (JSON arrays) to {@link BulkSink}, which answers one result per record.
   */
  private static void httpFlow(String connection, String dir, long expected, BulkSink sink) {
    sink.reset();
    try (Integrator integrator = Integrator.builder().store(Stores.inMemory()).build()) {
      String api = integrator.connections().create("""
          {"name": "API", "type": "http", "http": {"baseURI": "%s", "mediaType": "json",
           "concurrencyLevel": 2}}""".formatted(sink.baseUri())).id();
      Job job = runFlow(integrator, connection, dir, """
          {"name": "I", "_connectionId": "%s",
           "http": {"relativeURI": "/records", "method": "POST", "batchSize": 1000,
                    "response": {"resourcePath": "results"}},
           "mapping": %s}""".formatted(api, MAPPING));
      if (!"completed".equals(job.status()) || job.numSuccess() != expected || sink.records() != expected) {
        throw new IllegalStateException("HTTP flow " + job.status() + " with " + job.numSuccess()
            + " successes and " + sink.records() + " received of " + expected + " records");
      }
    }
  }

  /** Runs the FTP export of {@code dir} (pages of 1000, files kept) into the import {@code importJson}. */
  private static Job runFlow(Integrator integrator, String connection, String dir, String importJson) {
    String conn = integrator.connections().create(connection).id();
    String exp = integrator.exports().create("""
        {"name": "E", "_connectionId": "%s", "pageSize": 1000,
         "ftp": {"directoryPath": "%s"}, "file": {"type": "csv", "skipDelete": true}}"""
        .formatted(conn, dir)).id();
    String imp = integrator.imports().create(importJson).id();
    return integrator.runFlow(integrator.flows().create("""
        {"name": "bench", "_exportId": "%s", "_importId": "%s"}""".formatted(exp, imp)).id());
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** Sum of the heap pools' peaks since the last reset (an upper bound of the peak heap). */
  private static long peakHeap() {
    long sum = 0;
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    for (MemoryPoolMXBean pool : pools) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
