package io.integrator.ftp;

import io.integrator.spi.AdaptorException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPClientConfig;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/** FTP and FTPS over commons-net. */
final class FtpRemoteFiles implements RemoteFiles {
  private final FtpSettings settings;
  private final FTPClient client;
  private final String home;

  private FtpRemoteFiles(FtpSettings settings, FTPClient client, String home) {
    this.settings = settings;
    this.client = client;
    this.home = home;
  }

  /** Connects, logs in and sets binary passive (or active) mode. */
  static FtpRemoteFiles open(FtpSettings s) throws AdaptorException {
    FTPClient c;
    if (s.protocol() == Protocol.FTPS && s.requireSocketReUse()) {
      try {
        c = ReusingFtpsClient.create(s.implicitTls(), trustManager(s));
      } catch (java.security.GeneralSecurityException e) {
        throw Failures.value(
            "tls_setup", "cannot set up TLS session reuse (ftp.requireSocketReUse): " + e.getMessage());
      }
    } else if (s.protocol() == Protocol.FTPS) {
      FTPSClient tls = new FTPSClient(s.implicitTls());
      tls.setTrustManager(trustManager(s));
      c = tls;
    } else {
      c = new FTPClient();
    }
    if (s.entryParser() != null) {
      c.configure(new FTPClientConfig(s.entryParser().substring("SYST_".length())));
    }
    c.setConnectTimeout(s.connectTimeoutMillis());
    c.setDefaultTimeout(s.connectTimeoutMillis());
    c.setDataTimeout(java.time.Duration.ofMillis(s.connectTimeoutMillis()));
    c.setControlEncoding("UTF-8");
    try {
      c.connect(s.host(), s.port());
    } catch (IOException e) {
      disconnect(c);
      if (e instanceof javax.net.ssl.SSLException) {
        throw Failures.hostNotVerified(
            s,
            "TLS handshake failed ("
                + e.getMessage()
                + "); set ftp.hostKeyFingerprint to the server certificate's SHA-256 fingerprint,"
                + " or ftp.enableHostVerification false for a test server");
      }
      throw Failures.unreachable(s, e);
    }
    try {
      if (!FTPReply.isPositiveCompletion(c.getReplyCode())) {
        String reply = c.getReplyString();
        disconnect(c);
        throw Failures.unreachable(s, new IOException("server refused the connection: " + reply));
      }
      if (c instanceof FTPSClient tls) {
        tls.execPBSZ(0);
        tls.execPROT("P");
      }
      if (!c.login(s.username(), s.password())) {
        String reply = c.getReplyString();
        disconnect(c);
        throw Failures.loginRefused(s, reply);
      }
      c.setFileType(FTP.BINARY_FILE_TYPE);
      if (s.passive()) {
        c.enterLocalPassiveMode();
      } else {
        c.enterLocalActiveMode();
      }
      return new FtpRemoteFiles(s, c, c.printWorkingDirectory());
    } catch (IOException e) {
      disconnect(c);
      throw Failures.unreachable(s, e);
    }
  }

  /**
   * Server certificates: with a pinned {@code hostKeyFingerprint} only that certificate (SHA-256
   * of its DER encoding); with verification on, the JVM's trust store; with it off, any.
   */
  private static TrustManager trustManager(FtpSettings s) throws AdaptorException {
    if (s.hostKeyFingerprint() != null) {
      String pinned = normalizeHex(s.hostKeyFingerprint());
      return new PinnedTrustManager(pinned);
    }
    if (!s.hostVerification()) {
      return new PinnedTrustManager(null);
    }
    try {
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init((java.security.KeyStore) null);
      return f.getTrustManagers()[0];
    } catch (java.security.GeneralSecurityException e) {
      throw Failures.value("tls_setup", "cannot load the JVM trust store: " + e.getMessage());
    }
  }

  static String normalizeHex(String fingerprint) {
    String f = fingerprint.trim();
    if (f.regionMatches(true, 0, "SHA256:", 0, 7)) {
      f = f.substring(7);
    }
    return f.replace(":", "").toLowerCase(Locale.ROOT);
  }

  /** SHA-256 of a certificate's DER encoding as lower-case hex. */
  static String certificateFingerprint(X509Certificate cert) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Accepts the certificate with the pinned fingerprint, or any when none is pinned. */
  private static final class PinnedTrustManager implements X509TrustManager {
    private final String pinned;

    PinnedTrustManager(String pinned) {
      this.pinned = pinned;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      if (pinned == null) {
        return;
      }
      String actual = certificateFingerprint(chain[0]);
      if (!actual.equals(pinned)) {
        throw new CertificateException(
            "server certificate fingerprint " + actual + " does not match ftp.hostKeyFingerprint");
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  /**
   * With {@code ftp.requireSocketReUse}: whether the last data connection resumed the control
   * connection's TLS session; null without it or before the first transfer.
   */
  Boolean lastDataSessionResumed() {
    return client instanceof ReusingFtpsClient r ? r.lastDataSessionResumed() : null;
  }

  @Override
  public List<RemoteFile> list(String directory) throws AdaptorException {
    try {
      FTPFile[] files = directory.isEmpty() ? client.listFiles() : client.listFiles(directory);
      if (files == null || !FTPReply.isPositiveCompletion(client.getReplyCode())) {
        throw Failures.reply("listing " + directory, client.getReplyCode(), client.getReplyString());
      }
      List<RemoteFile> out = new ArrayList<>();
      for (FTPFile f : files) {
        if (f != null && f.isFile()) {
          Instant mtime = f.getTimestamp() == null ? Instant.EPOCH : f.getTimestamp().toInstant();
          out.add(new RemoteFile(directory, f.getName(), f.getSize(), mtime));
        }
      }
      out.sort(Comparator.comparing(RemoteFile::name));
      return out;
    } catch (IOException e) {
      throw Failures.io("listing " + directory + " on " + settings, e);
    }
  }

  @Override
  public InputStream read(String path) throws AdaptorException {
    try {
      InputStream in = client.retrieveFileStream(path);
      if (in == null) {
        throw Failures.reply("downloading " + path, client.getReplyCode(), client.getReplyString());
      }
      return new FilterInputStream(in) {
        private boolean closed;

        @Override
        public void close() throws IOException {
          if (closed) {
            return;
          }
          closed = true;
          super.close();
          if (!client.completePendingCommand()) {
            throw new IOException("download of " + path + " incomplete: " + client.getReplyString());
          }
        }
      };
    } catch (IOException e) {
      throw Failures.io("downloading " + path + " from " + settings, e);
    }
  }

  @Override
  public OutputStream write(String path) throws AdaptorException {
    try {
      OutputStream out = client.storeFileStream(path);
      if (out == null) {
        throw Failures.reply("uploading " + path, client.getReplyCode(), client.getReplyString());
      }
      return new FilterOutputStream(out) {
        private boolean closed;

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          if (closed) {
            return;
          }
          closed = true;
          super.close();
          if (!client.completePendingCommand()) {
            throw new IOException("upload of " + path + " incomplete: " + client.getReplyString());
          }
        }
      };
    } catch (IOException e) {
      throw Failures.io("uploading " + path + " to " + settings, e);
    }
  }

  @Override
  public void rename(String from, String to) throws AdaptorException {
    try {
      if (!client.rename(from, to)) {
        throw Failures.reply(
            "renaming " + from + " to " + to, client.getReplyCode(), client.getReplyString());
      }
    } catch (IOException e) {
      throw Failures.io("renaming " + from + " on " + settings, e);
    }
  }

  @Override
  public void delete(String path) throws AdaptorException {
    try {
      if (!client.deleteFile(path)) {
        throw Failures.reply("deleting " + path, client.getReplyCode(), client.getReplyString());
      }
    } catch (IOException e) {
      throw Failures.io("deleting " + path + " on " + settings, e);
    }
  }

  @Override
  public void makeDirectories(String directory) throws AdaptorException {
    if (directory.isEmpty() || directory.equals("/")) {
      return;
    }
    try {
      String[] parts = directory.split("/");
      StringBuilder path = new StringBuilder(directory.startsWith("/") ? "/" : "");
      for (String part : parts) {
        if (part.isEmpty()) {
          continue;
        }
        path.append(part);
        String p = path.toString();
        if (!client.changeWorkingDirectory(p)) {
          client.makeDirectory(p);
        }
        path.append('/');
      }
      if (home != null) {
        client.changeWorkingDirectory(home);
      }
    } catch (IOException e) {
      throw Failures.io("creating " + directory + " on " + settings, e);
    }
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.logout();
      }
    } catch (IOException ignored) {
      // best effort
    }
    disconnect(client);
  }

  private static void disconnect(FTPClient c) {
    try {
      if (c.isConnected()) {
        c.disconnect();
      }
    } catch (IOException ignored) {
      // best effort
    }
  }
}
