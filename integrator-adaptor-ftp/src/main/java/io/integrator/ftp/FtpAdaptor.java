package io.integrator.ftp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Adaptor;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.ExportContext;
import io.integrator.spi.ImportContext;
import io.integrator.spi.PageReader;
import io.integrator.spi.PingResult;
import io.integrator.spi.RecordWriter;
import java.util.Set;

/**
 * The adaptor for connections of type {@code ftp} and {@code sftp} (REFERENCE §2.3, §3.6, §4.7):
 * FTP and FTPS (explicit or implicit TLS) with commons-net, SFTP with Apache MINA SSHD.
 *
 * <p>Exports list {@code ftp.directoryPath}, filter names, and stream each file through a parser
 * ({@code file.type} csv, json, xml or fixed-width; gzip or zip) into pages of the export's
 * {@code pageSize}; a file is never held in memory whole. Imports spool records to a local temp
 * file in the chosen format and upload it under a temporary name, then rename it. Found by the
 * engine through {@code META-INF/services/io.integrator.spi.Adaptor}; see {@code docs/ftp.md}.
 *
 * <p>Thread-safe: it holds no state; each reader and writer opens its own session.
 */
public final class FtpAdaptor implements Adaptor {

  /** Creates the adaptor (the engine does this through ServiceLoader). */
  public FtpAdaptor() {}

  @Override
  public Set<String> connectionTypes() {
    return Set.of("ftp", "sftp");
  }

  /** Connects and logs in, then lists the login directory. */
  @Override
  public PingResult ping(ObjectNode connection) {
    try {
      FtpSettings settings = FtpSettings.of(connection);
      try (RemoteFiles files = Sessions.open(settings)) {
        files.list("");
      }
      return PingResult.success();
    } catch (AdaptorException e) {
      return PingResult.failure(e.code(), e.getMessage());
    }
  }

  @Override
  public PageReader openReader(ExportContext context) throws AdaptorException {
    return FilePageReader.open(context);
  }

  @Override
  public RecordWriter openWriter(ImportContext context) throws AdaptorException {
    return FileRecordWriter.open(context);
  }
}
