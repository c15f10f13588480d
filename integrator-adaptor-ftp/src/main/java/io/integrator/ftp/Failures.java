package io.integrator.ftp;

import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * Turns transport failures into {@link AdaptorException}s with a classification (REFERENCE §12):
 * an unreachable server or refused login is {@code connection}; a dropped or timed-out data
 * transfer, a full disk (FTP 452/552) and other I/O failures are {@code intermittent}. Both are
 * retried by the engine within {@code maxAttempts}.
 */
final class Failures {
  private Failures() {}

  /** The server could not be reached. */
  static AdaptorException unreachable(FtpSettings s, Exception cause) {
    String why =
        cause instanceof UnknownHostException
            ? "unknown host"
            : cause instanceof ConnectException || cause instanceof NoRouteToHostException
                ? "connection refused"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return new AdaptorException(
        "unreachable",
        "cannot connect to " + s + " (" + why + "); check ftp.hostURI, ftp.port and ftp.type",
        Classification.CONNECTION,
        null,
        cause);
  }

  /** The server refused the credentials. */
  static AdaptorException loginRefused(FtpSettings s, String detail) {
    return new AdaptorException(
        "unauthorized",
        "login refused by "
            + s
            + (detail == null || detail.isBlank() ? "" : " (" + detail.trim() + ")")
            + "; check ftp.username and the password or key",
        Classification.CONNECTION);
  }

  /** The server's identity did not check out. */
  static AdaptorException hostNotVerified(FtpSettings s, String detail) {
    return new AdaptorException("host_not_verified", s + ": " + detail, Classification.CONNECTION);
  }

  /** A transfer or command failed midway. */
  static AdaptorException io(String what, IOException cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    String code = cause instanceof SocketTimeoutException ? "timeout" : "io_error";
    return new AdaptorException(
        code, what + " failed: " + reason, Classification.INTERMITTENT, null, cause);
  }

  /**
   * A command the FTP server answered with a failure reply; 4xx replies (452 disk full,
   * 421/425/426 connection trouble) are intermittent, 5xx are permanent ({@code value}) except
   * 552 (storage allocation exceeded), which is intermittent.
   */
  static AdaptorException reply(String what, int code, String reply) {
    String classification =
        (code >= 400 && code < 500) || code == 552
            ? Classification.INTERMITTENT
            : Classification.VALUE;
    String text = reply == null ? String.valueOf(code) : reply.trim();
    String hint =
        code == 522 || text.toLowerCase(java.util.Locale.ROOT).contains("reuse")
            ? "; if the server wants data connections to reuse the control connection's TLS"
                + " session (vsftpd require_ssl_reuse, FileZilla), set ftp.requireSocketReUse true"
            : "";
    return new AdaptorException(
        String.valueOf(code), what + " failed: server replied " + text + hint, classification);
  }

  /** A permanent failure the user must fix (a missing directory, a bad option). */
  static AdaptorException value(String code, String message) {
    return new AdaptorException(code, message, Classification.VALUE);
  }
}
