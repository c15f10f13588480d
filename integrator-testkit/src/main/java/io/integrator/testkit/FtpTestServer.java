package io.integrator.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * An embedded FTP server (Apache MINA FtpServer) on a free port of 127.0.0.1, for tests: plain
 * FTP, or FTPS with explicit or implicit TLS and a self-signed certificate generated for the test
 * run (one per JVM, see {@link #certificateFingerprint()}).
 * Passive data connections use free ports of 127.0.0.1 too.
 *
 * <pre>{@code
 * try (FtpTestServer ftp = FtpTestServer.start()) {
 *   Files.writeString(ftp.home().resolve("in/orders.csv"), "id,name\n1,A\n");
 *   // connection: {"type":"ftp","ftp":{"hostURI":ftp.host(),"port":ftp.port(),
 *   //              "username":ftp.username(),"password":ftp.password()}}
 * }
 * }</pre>
 *
 * <p>Every user's home is {@link #home()}, a temp directory deleted on {@link #close()}.
 */
public final class FtpTestServer implements AutoCloseable {
  /** The default user's name. */
  public static final String USERNAME = "demo";
  /** The default user's password. */
  public static final String PASSWORD = "secret";

  private final FtpServer server;
  private final UserManager users;
  private final Path home;
  private final Path tlsDir;
  private final int port;
  private final String certificateFingerprint;
  private final Transfers transfers;

  private FtpTestServer(FtpServer server, UserManager users, Path home, Path tlsDir, int port,
      String fingerprint, Transfers transfers) {
    this.server = server;
    this.users = users;
    this.home = home;
    this.tlsDir = tlsDir;
    this.port = port;
    this.certificateFingerprint = fingerprint;
    this.transfers = transfers;
  }

  /** Starts a plain FTP server with the user {@value #USERNAME} / {@value #PASSWORD}. */
  public static FtpTestServer start() {
    return start(Tls.NONE);
  }

  /** Starts an FTPS server with explicit TLS ({@code AUTH TLS} on the control port). */
  public static FtpTestServer startExplicitTls() {
    return start(Tls.EXPLICIT);
  }

  /** Starts an FTPS server with implicit TLS (TLS from the first byte). */
  public static FtpTestServer startImplicitTls() {
    return start(Tls.IMPLICIT);
  }

  private enum Tls {
    NONE,
    EXPLICIT,
    IMPLICIT
  }

  private static FtpTestServer start(Tls tls) {
    Path home = null;
    Path tlsDir = null;
    try {
      home = Files.createTempDirectory("ftp-test-home-");
      FtpServerFactory sf = new FtpServerFactory();
      ListenerFactory lf = new ListenerFactory();
      lf.setServerAddress("127.0.0.1");
      lf.setPort(0);
      DataConnectionConfigurationFactory dc = new DataConnectionConfigurationFactory();
      dc.setPassiveAddress("127.0.0.1");
      dc.setPassiveExternalAddress("127.0.0.1");
      dc.setPassivePorts("0");
      String fingerprint = null;
      if (tls != Tls.NONE) {
        tlsDir = Files.createTempDirectory("ftp-test-tls-");
        Path keystore = tlsDir.resolve("server.p12");
        Files.write(keystore, certificate());
        SslConfigurationFactory ssl = new SslConfigurationFactory();
        ssl.setKeystoreFile(keystore.toFile());
        ssl.setKeystorePassword(KEYSTORE_PASSWORD);
        ssl.setKeystoreType("PKCS12");
        ssl.setKeyPassword(KEYSTORE_PASSWORD);
        // one configuration (one SSLContext, one server session cache) for control and data
        // connections, so that a client can resume the control connection's TLS session on a
        // data connection, as vsftpd and FileZilla Server require
        SslConfiguration sslConfiguration = ssl.createSslConfiguration();
        lf.setSslConfiguration(sslConfiguration);
        lf.setImplicitSsl(tls == Tls.IMPLICIT);
        dc.setImplicitSsl(tls == Tls.IMPLICIT);
        dc.setSslConfiguration(sslConfiguration);
        fingerprint = fingerprint(keystore);
      }
      lf.setDataConnectionConfiguration(dc.createDataConnectionConfiguration());
      sf.addListener("default", lf.createListener());
      PropertiesUserManagerFactory umf = new PropertiesUserManagerFactory();
      umf.setPasswordEncryptor(new ClearTextPasswordEncryptor());
      UserManager um = umf.createUserManager();
      sf.setUserManager(um);
      Transfers transfers = new Transfers();
      sf.setFtplets(new LinkedHashMap<>(Map.of("transfers", transfers)));
      FtpServer server = sf.createServer();
      FtpTestServer s = new FtpTestServer(server, um, home, tlsDir, 0, fingerprint, transfers);
      s.addUser(USERNAME, PASSWORD);
      server.start();
      int port = ((DefaultFtpServer) server).getListener("default").getPort();
      return new FtpTestServer(server, um, home, tlsDir, port, fingerprint, transfers);
    } catch (IOException | FtpException | GeneralSecurityException | InterruptedException e) {
      deleteTree(home);
      deleteTree(tlsDir);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot start the FTP test server: " + e.getMessage(), e);
    }
  }

  private static final String KEYSTORE_PASSWORD = "testkit";

  private static byte[] certificate;

  /**
   * A PKCS12 key store with a self-signed EC certificate for CN=127.0.0.1, made once per JVM with
   * the JDK's keytool (generating it is the slow part of starting an FTPS server).
   */
  private static synchronized byte[] certificate() throws IOException, InterruptedException {
    if (certificate == null) {
      Path dir = Files.createTempDirectory("ftp-test-cert-");
      try {
        Path keystore = dir.resolve("server.p12");
        generateCertificate(keystore);
        certificate = Files.readAllBytes(keystore);
      } finally {
        deleteTree(dir);
      }
    }
    return certificate.clone();
  }

  private static void generateCertificate(Path keystore) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(), "-genkeypair", "-alias", "ftp", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD, "-noprompt")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
  }

  private static String fingerprint(Path keystore) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, KEYSTORE_PASSWORD.toCharArray());
    }
    Certificate cert = ks.getCertificate("ftp");
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
  }

  /**
   * Adds (or replaces) a user with write access whose home is {@link #home()}.
   *
   * @param name the user name
   * @param password the password, in clear text
   */
  public void addUser(String name, String password) {
    BaseUser u = new BaseUser();
    u.setName(name);
    u.setPassword(password);
    u.setHomeDirectory(home.toString());
    u.setAuthorities(List.<Authority>of(new WritePermission()));
    try {
      users.save(u);
    } catch (FtpException e) {
      throw new IllegalStateException("cannot add user " + name, e);
    }
  }

  /**
   * Drops every client connection at once, control and data, as a network failure would: a
   * transfer in progress ends midway. The server keeps running and accepts new connections.
   */
  public void dropConnections() {
    for (org.apache.ftpserver.impl.FtpIoSession session :
        ((DefaultFtpServer) server).getListener("default").getActiveSessions()) {
      session.getDataConnection().closeDataConnection();
      session.closeNow();
    }
  }

  /**
   * The most file transfers (downloads and uploads) that were in progress at the same time since
   * the server started or {@link #resetTransfers()}: what a test of parallel transfers checks.
   */
  public int maxConcurrentTransfers() {
    return transfers.max.get();
  }

  /** The number of transfers started since the server started or {@link #resetTransfers()}. */
  public int transfersStarted() {
    return transfers.started.get();
  }

  /** Resets {@link #maxConcurrentTransfers()} and {@link #transfersStarted()}. */
  public void resetTransfers() {
    transfers.max.set(transfers.running.get());
    transfers.started.set(0);
  }

  /**
   * Holds every transfer this long before its data starts to flow (zero, the default, holds
   * none), so that transfers a client runs in parallel overlap on the server however small the
   * files are.
   *
   * @param hold how long each transfer waits
   */
  public void holdTransfers(Duration hold) {
    transfers.holdMillis = hold.toMillis();
  }

  /** Counts transfers in progress (RETR, STOR and friends) and optionally holds each one. */
  private static final class Transfers extends DefaultFtplet {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger max = new AtomicInteger();
    final AtomicInteger started = new AtomicInteger();
    volatile long holdMillis;

    private static boolean transfer(FtpRequest request) {
      String c = request.getCommand().toUpperCase(Locale.ROOT);
      return c.equals("RETR") || c.equals("STOR") || c.equals("STOU") || c.equals("APPE");
    }

    @Override
    public FtpletResult beforeCommand(
        FtpSession session, FtpRequest request) {
      if (transfer(request)) {
        started.incrementAndGet();
        max.accumulateAndGet(running.incrementAndGet(), Math::max);
        if (holdMillis > 0) {
          try {
            Thread.sleep(holdMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult afterCommand(
        FtpSession session, FtpRequest request,
        FtpReply reply) {
      if (transfer(request)) {
        running.decrementAndGet();
      }
      return FtpletResult.DEFAULT;
    }
  }

  /** Always {@code 127.0.0.1}. */
  public String host() {
    return "127.0.0.1";
  }

  /** The control port (the FTPS port for implicit TLS). */
  public int port() {
    return port;
  }

  /** {@value #USERNAME}. */
  public String username() {
    return USERNAME;
  }

  /** {@value #PASSWORD}. */
  public String password() {
    return PASSWORD;
  }

  /** The users' home directory, the server's {@code /}. */
  public Path home() {
    return home;
  }

  /**
   * The SHA-256 fingerprint of the FTPS certificate as lower-case hex (what {@code
   * ftp.hostKeyFingerprint} pins), or null for plain FTP.
   */
  public String certificateFingerprint() {
    return certificateFingerprint;
  }

  /** Stops the server and deletes its home directory and certificate. */
  @Override
  public void close() {
    server.stop();
    deleteTree(home);
    deleteTree(tlsDir);
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
