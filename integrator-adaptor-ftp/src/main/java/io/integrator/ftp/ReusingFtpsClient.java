package io.integrator.ftp;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.apache.commons.net.ftp.FTPSClient;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCExtendedSSLSession;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ftp.requireSocketReUse}: an FTPS client whose data connections resume the control
 * connection's TLS session, as servers such as vsftpd ({@code require_ssl_reuse}) and FileZilla
 * Server demand before they accept a transfer. The JDK's JSSE keys its client session cache by
 * host and port, so a data connection (another port) never offers the control session; Bouncy
 * Castle's JSSE provider lets a socket name the session to resume. TLS 1.2 only: its session ids
 * are what these servers compare. The provider is used for this client's {@link SSLContext} only,
 * never installed JVM-wide.
 */
final class ReusingFtpsClient extends FTPSClient {
  private static final Logger LOG = LoggerFactory.getLogger(ReusingFtpsClient.class);
  private static final String TLS12 = "TLSv1.2";

  private volatile Boolean lastResumed;

  private ReusingFtpsClient(boolean implicit, SSLContext context) {
    super(implicit, context);
    setEnabledProtocols(new String[] {TLS12});
  }

  /** A client whose TLS connections trust what {@code trust} accepts. */
  static ReusingFtpsClient create(boolean implicit, TrustManager trust)
      throws GeneralSecurityException {
    SSLContext context =
        SSLContext.getInstance(TLS12, new BouncyCastleJsseProvider(new BouncyCastleProvider()));
    context.init(null, new TrustManager[] {trust}, new SecureRandom());
    return new ReusingFtpsClient(implicit, context);
  }

  /** Before the data connection's handshake: offer the control connection's session. */
  @Override
  protected void _prepareDataSocket_(Socket socket) throws IOException {
    super._prepareDataSocket_(socket);
    if (socket instanceof BCSSLSocket data && _socket_ instanceof BCSSLSocket control) {
      BCExtendedSSLSession session = control.getBCSession();
      if (session != null && session.isValid()) {
        data.setBCSessionToResume(session);
      }
    }
  }

  /** After the data connection opened: notes whether the server resumed the session. */
  @Override
  protected Socket _openDataConnection_(String command, String arg) throws IOException {
    Socket socket = super._openDataConnection_(command, arg);
    if (socket instanceof SSLSocket data && _socket_ instanceof SSLSocket control) {
      byte[] id = data.getSession().getId();
      boolean resumed = id.length > 0 && Arrays.equals(id, control.getSession().getId());
      lastResumed = resumed;
      LOG.debug("{} data connection: TLS session of the control connection resumed: {}", command, resumed);
    }
    return socket;
  }

  /**
   * Whether the last data connection resumed the control connection's TLS session (the same,
   * non-empty session id), or null before the first one.
   */
  Boolean lastDataSessionResumed() {
    return lastResumed;
  }
}
