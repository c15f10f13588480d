package io.integrator.ftp;

import io.integrator.spi.AdaptorException;

/** Opens a {@link RemoteFiles} session for a connection's protocol. */
final class Sessions {
  private Sessions() {}

  static RemoteFiles open(FtpSettings s) throws AdaptorException {
    return s.protocol() == Protocol.SFTP ? SftpRemoteFiles.open(s) : FtpRemoteFiles.open(s);
  }
}
