package io.integrator.ftp;

/** The wire protocol of a connection. */
enum Protocol {
  FTP,
  FTPS,
  SFTP
}
