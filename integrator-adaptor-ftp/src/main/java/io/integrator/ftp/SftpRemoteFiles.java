package io.integrator.ftp;

import io.integrator.spi.AdaptorException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/** SFTP over Apache MINA SSHD: password and/or PEM key login, pinned host key. */
final class SftpRemoteFiles implements RemoteFiles {
  private final FtpSettings settings;
  private final SshClient ssh;
  private final ClientSession session;
  private final SftpClient sftp;

  private SftpRemoteFiles(
      FtpSettings settings, SshClient ssh, ClientSession session, SftpClient sftp) {
    this.settings = settings;
    this.ssh = ssh;
    this.session = session;
    this.sftp = sftp;
  }

  /** Connects, checks the host key and logs in. */
  static SftpRemoteFiles open(FtpSettings s) throws AdaptorException {
    List<KeyPair> keys = s.authKey() == null ? List.of() : loadKey(s);
    String[] hostProblem = new String[1];
    SshClient ssh = SshClient.setUpDefaultClient();
    ssh.setServerKeyVerifier(verifier(s, hostProblem));
    ssh.start();
    ClientSession session = null;
    Duration timeout = Duration.ofMillis(s.connectTimeoutMillis());
    try {
      try {
        session = ssh.connect(s.username(), s.host(), s.port()).verify(timeout).getSession();
      } catch (IOException e) {
        throw Failures.unreachable(s, unwrap(e));
      }
      if (s.password() != null) {
        session.addPasswordIdentity(s.password());
      }
      keys.forEach(session::addPublicKeyIdentity);
      try {
        session.auth().verify(timeout);
      } catch (IOException e) {
        if (hostProblem[0] != null) {
          throw Failures.hostNotVerified(s, hostProblem[0]);
        }
        throw Failures.loginRefused(s, e.getMessage());
      }
      SftpClient sftp;
      try {
        sftp = SftpClientFactory.instance().createSftpClient(session);
      } catch (IOException e) {
        throw Failures.unreachable(s, e);
      }
      return new SftpRemoteFiles(s, ssh, session, sftp);
    } catch (AdaptorException e) {
      closeQuietly(session);
      ssh.stop();
      if (hostProblem[0] != null && !"host_not_verified".equals(e.code())) {
        throw Failures.hostNotVerified(s, hostProblem[0]);
      }
      throw e;
    }
  }

  private static Exception unwrap(IOException e) {
    return e instanceof SshException && e.getCause() instanceof Exception c ? c : e;
  }

  /**
   * With {@code hostKeyFingerprint} set, only that key is accepted (OpenSSH's {@code SHA256:...}
   * form, with or without the prefix, or an MD5 {@code MD5:xx:xx...}); without it, unknown hosts
   * are refused unless {@code enableHostVerification} is false.
   */
  private static ServerKeyVerifier verifier(FtpSettings s, String[] problem) {
    return (ClientSession session, SocketAddress remote, PublicKey key) -> {
      String sha256 = KeyUtils.getFingerPrint(key);
      if (s.hostKeyFingerprint() != null) {
        String pinned = s.hostKeyFingerprint().trim();
        boolean ok =
            pinned.regionMatches(true, 0, "MD5:", 0, 4)
                ? pinned.equalsIgnoreCase(KeyUtils.getFingerPrint(BuiltinDigests.md5, key))
                : stripPrefix(pinned).equals(stripPrefix(sha256));
        if (!ok) {
          problem[0] =
              "the server's host key "
                  + sha256
                  + " does not match ftp.hostKeyFingerprint; if the server's key really changed,"
                  + " update the fingerprint";
        }
        return ok;
      }
      if (s.hostVerification()) {
        problem[0] =
            "unknown host key "
                + sha256
                + "; pin it with ftp.hostKeyFingerprint (or set ftp.enableHostVerification false"
                + " to accept any host, not recommended)";
        return false;
      }
      return true;
    };
  }

  private static String stripPrefix(String fingerprint) {
    String f = fingerprint.trim();
    int colon = f.indexOf(':');
    f = colon >= 0 && f.regionMatches(true, 0, "SHA256:", 0, 7) ? f.substring(colon + 1) : f;
    while (f.endsWith("=")) {
      f = f.substring(0, f.length() - 1);
    }
    return f;
  }

  private static List<KeyPair> loadKey(FtpSettings s) throws AdaptorException {
    FilePasswordProvider passphrase =
        s.passphrase() == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(s.passphrase());
    try (InputStream in =
        new ByteArrayInputStream(s.authKey().getBytes(StandardCharsets.US_ASCII))) {
      Iterable<KeyPair> pairs =
          SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName("ftp.authKey"), in, passphrase);
      List<KeyPair> out = new ArrayList<>();
      if (pairs != null) {
        pairs.forEach(out::add);
      }
      if (out.isEmpty()) {
        throw Failures.value("invalid_key", "ftp.authKey holds no private key (expected PEM)");
      }
      return out;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw Failures.value(
          "invalid_key",
          "ftp.authKey cannot be read as a PEM private key"
              + (s.passphrase() == null ? " (is it encrypted? set ftp.passphrase)" : " with ftp.passphrase")
              + ": "
              + e.getClass().getSimpleName());
    }
  }

  @Override
  public List<RemoteFile> list(String directory) throws AdaptorException {
    String dir = directory.isEmpty() ? "." : directory;
    try {
      List<RemoteFile> out = new ArrayList<>();
      for (SftpClient.DirEntry e : sftp.readDir(dir)) {
        SftpClient.Attributes a = e.getAttributes();
        if (a.isRegularFile()) {
          Instant mtime = a.getModifyTime() == null ? Instant.EPOCH : a.getModifyTime().toInstant();
          out.add(new RemoteFile(directory, e.getFilename(), a.getSize(), mtime));
        }
      }
      out.sort(Comparator.comparing(RemoteFile::name));
      return out;
    } catch (IOException e) {
      throw failure("listing " + dir, e);
    } catch (java.io.UncheckedIOException e) {
      throw failure("listing " + dir, e.getCause());
    }
  }

  @Override
  public InputStream read(String path) throws AdaptorException {
    try {
      return sftp.read(path);
    } catch (IOException e) {
      throw failure("downloading " + path, e);
    }
  }

  @Override
  public OutputStream write(String path) throws AdaptorException {
    try {
      return sftp.write(path);
    } catch (IOException e) {
      throw failure("uploading " + path, e);
    }
  }

  @Override
  public void rename(String from, String to) throws AdaptorException {
    try {
      sftp.rename(from, to);
    } catch (IOException e) {
      throw failure("renaming " + from + " to " + to, e);
    }
  }

  @Override
  public void delete(String path) throws AdaptorException {
    try {
      sftp.remove(path);
    } catch (IOException e) {
      throw failure("deleting " + path, e);
    }
  }

  @Override
  public void makeDirectories(String directory) throws AdaptorException {
    if (directory.isEmpty() || directory.equals("/")) {
      return;
    }
    StringBuilder path = new StringBuilder(directory.startsWith("/") ? "/" : "");
    for (String part : directory.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      path.append(part);
      String p = path.toString();
      try {
        sftp.stat(p);
      } catch (IOException missing) {
        try {
          sftp.mkdir(p);
        } catch (IOException e) {
          throw failure("creating " + p, e);
        }
      }
      path.append('/');
    }
  }

  private AdaptorException failure(String what, IOException e) {
    if (e instanceof SftpException se) {
      int status = se.getStatus();
      if (status == SftpConstants.SSH_FX_NO_SUCH_FILE
          || status == SftpConstants.SSH_FX_PERMISSION_DENIED
          || status == SftpConstants.SSH_FX_FILE_ALREADY_EXISTS) {
        return Failures.value(
            "sftp_" + SftpConstants.getStatusName(status).toLowerCase(java.util.Locale.ROOT),
            what + " on " + settings + " failed: " + se.getMessage());
      }
    }
    return Failures.io(what + " on " + settings, e);
  }

  @Override
  public void close() {
    try {
      sftp.close();
    } catch (IOException ignored) {
      // best effort
    }
    closeQuietly(session);
    ssh.stop();
  }

  private static void closeQuietly(ClientSession session) {
    if (session != null) {
      try {
        session.close();
      } catch (IOException ignored) {
        // best effort
      }
    }
  }
}
