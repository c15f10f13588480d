package io.integrator.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An embedded SFTP server (Apache MINA SSHD) on a free port of 127.0.0.1, for tests. Users log in
 * with a password, a public key, or both; every user's root ({@code /}) is {@link #home()}, a temp
 * directory deleted on {@link #close()}. The host key is generated at start; pin it in a
 * connection with {@link #hostKeyFingerprint()}.
 *
 * <pre>{@code
 * try (SftpTestServer sftp = SftpTestServer.start()) {
 *   String pem = sftp.addKeyUser("robot", "key-passphrase");   // OpenSSH PEM, encrypted
 *   // connection: {"type":"sftp","ftp":{"hostURI":sftp.host(),"port":sftp.port(),
 *   //   "username":"robot","authKey":pem,"passphrase":"key-passphrase",
 *   //   "hostKeyFingerprint":sftp.hostKeyFingerprint()}}
 * }
 * }</pre>
 */
public final class SftpTestServer implements AutoCloseable {
  /** The default user's name. */
  public static final String USERNAME = "demo";
  /** The default user's password. */
  public static final String PASSWORD = "secret";

  private final SshServer server;
  private final Path home;
  private final KeyPair hostKey;
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final Map<String, List<PublicKey>> keys = new ConcurrentHashMap<>();

  private SftpTestServer(SshServer server, Path home, KeyPair hostKey) {
    this.server = server;
    this.home = home;
    this.hostKey = hostKey;
  }

  /** Starts the server with the user {@value #USERNAME} / {@value #PASSWORD}. */
  public static SftpTestServer start() {
    Path home = null;
    try {
      home = Files.createTempDirectory("sftp-test-home-");
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(256);
      KeyPair hostKey = gen.generateKeyPair();
      SshServer sshd = SshServer.setUpDefaultServer();
      SftpTestServer s = new SftpTestServer(sshd, home, hostKey);
      sshd.setHost("127.0.0.1");
      sshd.setPort(0);
      sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
      sshd.setPasswordAuthenticator(
          (user, password, session) -> password != null && password.equals(s.passwords.get(user)));
      sshd.setPublickeyAuthenticator(
          (user, key, session) ->
              s.keys.getOrDefault(user, List.of()).stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
      sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
      sshd.setFileSystemFactory(new VirtualFileSystemFactory(home));
      s.addPasswordUser(USERNAME, PASSWORD);
      sshd.start();
      return s;
    } catch (IOException | GeneralSecurityException e) {
      FtpTestServer.deleteTree(home);
      throw new IllegalStateException("cannot start the SFTP test server: " + e.getMessage(), e);
    }
  }

  /** Adds (or replaces the password of) a user who logs in with a password. */
  public void addPasswordUser(String name, String password) {
    passwords.put(name, password);
  }

  /** Lets a user log in with this public key (in addition to any password or other key). */
  public void addPublicKey(String name, PublicKey key) {
    keys.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(key);
  }

  /**
   * Generates an EC P-256 key pair for a user, registers its public
   * key, and returns the private key as OpenSSH PEM text ({@code -----BEGIN OPENSSH PRIVATE
   * KEY-----}), encrypted with the passphrase when one is given.
   *
   * @param name the user name
   * @param passphrase the passphrase, or null for an unencrypted key
   * @return the private key, what a connection's {@code ftp.authKey} holds
   */
  public String addKeyUser(String name, String passphrase) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(256);
      KeyPair pair = gen.generateKeyPair();
      addPublicKey(name, pair.getPublic());
      OpenSSHKeyEncryptionContext encryption = null;
      if (passphrase != null) {
        encryption = new OpenSSHKeyEncryptionContext();
        encryption.setPassword(passphrase);
        encryption.setCipherName("AES");
        encryption.setCipherMode("CTR");
        encryption.setCipherType("256");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, name, encryption, out);
      return out.toString(StandardCharsets.US_ASCII);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a key for " + name, e);
    }
  }

  /**
   * Drops every client session at once, as a network failure would: a transfer in progress ends
   * midway. The server keeps running and accepts new connections.
   */
  public void dropConnections() {
    server.getActiveSessions().forEach(session -> session.close(true));
  }

  /** Always {@code 127.0.0.1}. */
  public String host() {
    return "127.0.0.1";
  }

  /** The port the server listens on. */
  public int port() {
    return server.getPort();
  }

  /** {@value #USERNAME}. */
  public String username() {
    return USERNAME;
  }

  /** {@value #PASSWORD}. */
  public String password() {
    return PASSWORD;
  }

  /** Every user's root directory. */
  public Path home() {
    return home;
  }

  /** The host key's fingerprint as OpenSSH prints it: {@code SHA256:<base64>}. */
  public String hostKeyFingerprint() {
    return KeyUtils.getFingerPrint(hostKey.getPublic());
  }

  /** Stops the server and deletes its home directory. */
  @Override
  public void close() {
    try {
      server.stop(true);
    } catch (IOException ignored) {
      // stopping immediately; nothing left to do
    }
    FtpTestServer.deleteTree(home);
  }
}
