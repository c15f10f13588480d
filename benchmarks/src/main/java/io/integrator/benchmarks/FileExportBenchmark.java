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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
 * a counting in-memory import) against a plain download + commons-csv parse loop, in the same JVM.
 * Prints throughput and the peak heap of each. Not JMH: one pass each, after one warm-up pass of
 * the flow on a small file.
 *
 * <pre>
 * java -Xmx128m -cp benchmarks/target/benchmarks.jar io.integrator.benchmarks.FileExportBenchmark 1024 ftp
 * </pre>
 */
public final class FileExportBenchmark {
  private FileExportBenchmark() {}

  /** Arguments: size in MB (default 256), protocol {@code ftp} or {@code sftp} (default ftp). */
  public static void main(String[] args) throws Exception {
    int mb = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    String protocol = args.length > 1 ? args[1] : "ftp";
    boolean sftp = protocol.equals("sftp");
    FtpTestServer ftpServer = sftp ? null : FtpTestServer.start();
    SftpTestServer sftpServer = sftp ? SftpTestServer.start() : null;
    Path home = sftp ? sftpServer.home() : ftpServer.home();
    try {
      Path warm = Files.createDirectories(home.resolve("warm"));
      long warmRows = generate(warm.resolve("w.csv"), 5);
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

      flow(connection, "warm", warmRows);
      System.gc();
      resetPeaks();
      long t0 = System.nanoTime();
      long plainRows = sftp ? plainSftp(sftpServer) : plainFtp(ftpServer);
      Duration plain = Duration.ofNanos(System.nanoTime() - t0);
      long plainPeak = peakHeap();
      if (plainRows != rows) {
        throw new IllegalStateException("plain loop read " + plainRows + " of " + rows + " rows");
      }

      System.gc();
      resetPeaks();
      t0 = System.nanoTime();
      flow(connection, "in", rows);
      Duration ours = Duration.ofNanos(System.nanoTime() - t0);
      long oursPeak = peakHeap();

      double mbytes = bytes / 1_048_576.0;
      System.out.printf(Locale.ROOT, "%s, %.0f MB, %,d rows, -Xmx %d MB%n", protocol, mbytes, rows,
          Runtime.getRuntime().maxMemory() / 1_048_576);
      System.out.printf(Locale.ROOT, "plain download + parse: %6.1f s  %6.1f MB/s  peak heap %4d MB%n",
          plain.toMillis() / 1000.0, mbytes / (plain.toMillis() / 1000.0), plainPeak / 1_048_576);
      System.out.printf(Locale.ROOT, "integrator flow:        %6.1f s  %6.1f MB/s  peak heap %4d MB%n",
          ours.toMillis() / 1000.0, mbytes / (ours.toMillis() / 1000.0), oursPeak / 1_048_576);
      System.out.printf(Locale.ROOT, "ratio (flow / plain throughput): %.2f%n",
          (double) plain.toNanos() / ours.toNanos());
    } finally {
      if (ftpServer != null) {
        ftpServer.close();
      }
      if (sftpServer != null) {
        sftpServer.close();
      }
    }
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

  private static long parse(InputStream in) throws Exception {
    long n = 0;
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser p = CSVParser.builder().setReader(new InputStreamReader(in, StandardCharsets.UTF_8)).setFormat(format).get()) {
      for (CSVRecord r : p) {
        if (r.get("id").isEmpty()) {
          throw new IllegalStateException("empty id");
        }
        n++;
      }
    }
    return n;
  }

  private static long plainFtp(FtpTestServer s) throws Exception {
    FTPClient c = new FTPClient();
    c.connect(s.host(), s.port());
    c.login(s.username(), s.password());
    c.setFileType(FTP.BINARY_FILE_TYPE);
    c.enterLocalPassiveMode();
    try (InputStream in = new java.io.BufferedInputStream(c.retrieveFileStream("in/big.csv"), 65536)) {
      return parse(in);
    } finally {
      c.completePendingCommand();
      c.logout();
      c.disconnect();
    }
  }

  private static long plainSftp(SftpTestServer s) throws Exception {
    SshClient ssh = SshClient.setUpDefaultClient();
    ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    ssh.start();
    try (ClientSession session = ssh.connect(s.username(), s.host(), s.port()).verify(Duration.ofSeconds(30)).getSession()) {
      session.addPasswordIdentity(s.password());
      session.auth().verify(Duration.ofSeconds(30));
      try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
          InputStream in = new java.io.BufferedInputStream(sftp.read("in/big.csv"), 65536)) {
        return parse(in);
      }
    } finally {
      ssh.stop();
    }
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
      String conn = integrator.connections().create(connection).id();
      String exp = integrator.exports().create("""
          {"name": "E", "_connectionId": "%s", "pageSize": 1000,
           "ftp": {"directoryPath": "%s"}, "file": {"type": "csv", "skipDelete": true}}"""
          .formatted(conn, dir)).id();
      String mem = integrator.connections().create("""
          {"name": "M", "type": "rest", "rest": {"baseURI": "https://mem.test", "mediaType": "json"}}""").id();
      String imp = integrator.imports().create("""
          {"name": "I", "_connectionId": "%s", "rest": {"relativeURI": "/x", "method": "POST"},
           "mapping": {"fields": [{"extract": "id", "generate": "id"}, {"extract": "amount", "generate": "total"}]}}"""
          .formatted(mem)).id();
      Job job = integrator.runFlow(integrator.flows().create("""
          {"name": "bench", "_exportId": "%s", "_importId": "%s"}""".formatted(exp, imp)).id());
      if (!"completed".equals(job.status()) || count.get() != expected) {
        throw new IllegalStateException("flow " + job.status() + " with " + count.get() + " of " + expected + " records");
      }
    }
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
