package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's {@code ftp} section, checked and with defaults applied (REFERENCE §2.3). Secrets
 * are held here but never appear in {@link #toString()}.
 */
record FtpSettings(
    Protocol protocol,
    String host,
    int port,
    String username,
    String password,
    String authKey,
    String passphrase,
    boolean passive,
    String entryParser,
    boolean userDirectoryIsRoot,
    boolean implicitTls,
    boolean hostVerification,
    String hostKeyFingerprint,
    boolean requireSocketReUse,
    int concurrencyLevel,
    int connectTimeoutMillis) {

  private static final Logger LOG = LoggerFactory.getLogger(FtpSettings.class);
  private static final Set<String> PARSERS =
      Set.of("SYST_UNIX", "SYST_NT", "SYST_MVS", "SYST_VMS", "SYST_OS2", "SYST_OS400");

  /**
   * Reads a connection document.
   *
   * @throws AdaptorException (classification {@code value}) naming the field that is wrong
   */
  static FtpSettings of(ObjectNode connection) throws AdaptorException {
    JsonNode ftp = connection.path("ftp");
    if (!ftp.isObject()) {
      throw invalid("the connection has no ftp section; add ftp.hostURI and ftp.username");
    }
    String connectionType = connection.path("type").asText("ftp").toLowerCase(Locale.ROOT);
    String type = ftp.path("type").asText(connectionType).toLowerCase(Locale.ROOT);
    Protocol protocol =
        switch (type) {
          case "ftp" -> Protocol.FTP;
          case "ftps" -> Protocol.FTPS;
          case "sftp" -> Protocol.SFTP;
          default -> throw invalid("ftp.type must be ftp, sftp or ftps, got '" + type + "'");
        };
    String host = host(ftp.path("hostURI").asText(""));
    String username = ftp.path("username").asText("");
    if (username.isBlank()) {
      throw invalid("ftp.username is required");
    }
    String password = text(ftp, "password");
    String authKey = text(ftp, "authKey");
    if (protocol != Protocol.SFTP && authKey != null) {
      throw invalid("ftp.authKey is for sftp only; ftp and ftps log in with ftp.password");
    }
    if (protocol != Protocol.SFTP && password == null) {
      throw invalid("ftp.password is required for " + type);
    }
    if (protocol == Protocol.SFTP && password == null && authKey == null) {
      throw invalid("sftp needs ftp.password, ftp.authKey (a PEM private key) or both");
    }
    boolean implicit = ftp.path("useImplicitFtps").asBoolean(false);
    if (implicit && protocol != Protocol.FTPS) {
      throw invalid("ftp.useImplicitFtps applies to ftp.type ftps only");
    }
    int defaultPort =
        switch (protocol) {
          case SFTP -> 22;
          case FTPS -> implicit ? 990 : 21;
          case FTP -> 21;
        };
    int port = ftp.path("port").asInt(defaultPort);
    if (port < 1 || port > 65535) {
      throw invalid("ftp.port must be between 1 and 65535, got " + ftp.path("port"));
    }
    String parser = text(ftp, "entryParserFtpClientConfig");
    if (parser != null) {
      parser = parser.toUpperCase(Locale.ROOT);
      if (!PARSERS.contains(parser)) {
        throw invalid(
            "ftp.entryParserFtpClientConfig must be one of " + PARSERS + ", got '" + parser + "'");
      }
    }
    boolean reuse = ftp.path("requireSocketReUse").asBoolean(false);
    if (reuse && protocol != Protocol.FTPS) {
      LOG.warn("ftp.requireSocketReUse applies to ftp.type ftps only (TLS data connections);"
          + " ignored for {}", type);
      reuse = false;
    }
    int concurrency = ftp.path("concurrencyLevel").asInt(1);
    if (concurrency < 1) {
      throw invalid("ftp.concurrencyLevel must be 1 or more, got " + ftp.path("concurrencyLevel"));
    }
    return new FtpSettings(
        protocol,
        host,
        port,
        username,
        password,
        authKey,
        text(ftp, "passphrase"),
        ftp.path("usePassiveMode").asBoolean(true),
        parser,
        ftp.path("userDirectoryIsRoot").asBoolean(false),
        implicit,
        ftp.path("enableHostVerification").asBoolean(true),
        text(ftp, "hostKeyFingerprint"),
        reuse,
        concurrency,
        30_000);
  }

  /** The host of {@code hostURI}: a scheme, user info, port and trailing path are stripped. */
  static String host(String hostUri) throws AdaptorException {
    String h = hostUri.trim();
    if (h.isEmpty()) {
      throw invalid("ftp.hostURI is required (a host name or IP address)");
    }
    String original = h;
    int scheme = h.indexOf("://");
    if (scheme >= 0) {
      h = h.substring(scheme + 3);
    }
    int slash = h.indexOf('/');
    if (slash >= 0) {
      h = h.substring(0, slash);
    }
    int at = h.lastIndexOf('@');
    if (at >= 0) {
      h = h.substring(at + 1);
    }
    if (!h.startsWith("[") && h.indexOf(':') >= 0 && h.indexOf(':') == h.lastIndexOf(':')) {
      h = h.substring(0, h.indexOf(':'));
    }
    if (h.isEmpty()) {
      throw invalid("ftp.hostURI '" + original + "' names no host");
    }
    if (!h.equals(original)) {
      LOG.warn(
          "ftp.hostURI '{}' should be a host name only; using '{}' (scheme, port and path are"
              + " ignored: set ftp.port and the resource's directoryPath instead)",
          original.replaceAll("//[^/@]*@", "//"),
          h);
    }
    return h;
  }

  /**
   * Resolves a resource path per {@code userDirectoryIsRoot}: when true a leading {@code /} is
   * dropped so the path starts at the login directory; otherwise the path is used as given.
   */
  String resolve(String path) {
    String p = path == null ? "" : path.trim();
    if (userDirectoryIsRoot) {
      while (p.startsWith("/")) {
        p = p.substring(1);
      }
    }
    return p;
  }

  @Override
  public String toString() {
    return protocol.name().toLowerCase(Locale.ROOT) + "://" + username + "@" + host + ":" + port;
  }

  private static String text(JsonNode ftp, String field) {
    JsonNode n = ftp.path(field);
    return n.isValueNode() && !n.isNull() && !n.asText().isEmpty() ? n.asText() : null;
  }

  private static AdaptorException invalid(String message) {
    return new AdaptorException("invalid_connection", message, Classification.VALUE);
  }
}
