package io.integrator.ftp;

import io.integrator.spi.AdaptorException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The parsers of one remote file while it downloads: one for a plain or gzip file, one per entry
 * of a zip file. Remembers whether a failure came from the transfer (the network) or from the
 * content, so the reader can tell an intermittent failure from a bad file.
 */
final class FileSource implements AutoCloseable {
  private final RemoteFile file;
  private final ExportFormat format;
  private final TransferStream transfer;
  private final ZipInputStream zip;
  private RecordParser parser;
  private String currentName;
  private boolean first = true;
  private InputStream top;

  private FileSource(RemoteFile file, ExportFormat format, TransferStream transfer, ZipInputStream zip) {
    this.file = file;
    this.format = format;
    this.transfer = transfer;
    this.zip = zip;
  }

  /** Starts the download of a file. */
  static FileSource open(RemoteFiles session, RemoteFile file, ExportFormat format)
      throws AdaptorException {
    TransferStream transfer = new TransferStream(session.read(file.path()));
    ZipInputStream zip = format.compression().equals("zip") ? new ZipInputStream(transfer) : null;
    return new FileSource(file, format, transfer, zip);
  }

  RemoteFile file() {
    return file;
  }

  /** The name records of the current parser carry: the file name, plus {@code !entry} for zip. */
  String currentName() {
    return currentName;
  }

  /** The parser for the next part (the file, or the next zip entry), or null when none is left. */
  RecordParser nextParser() throws IOException {
    if (zip == null) {
      if (!first) {
        return null;
      }
      first = false;
      currentName = file.name();
      top = format.compression().equals("gzip") ? new GZIPInputStream(transfer, 64 * 1024) : transfer;
      // the parser must not close the transfer: completing it may fail, and that failure counts
      parser = format.parser(new java.io.BufferedInputStream(new NonClosing(top), 64 * 1024));
      return parser;
    }
    ZipEntry entry;
    do {
      entry = zip.getNextEntry();
      if (entry == null) {
        if (first) {
          throw new IOException("not a zip file, or a zip file without entries");
        }
        return null;
      }
      first = false;
    } while (entry.isDirectory());
    currentName = file.name() + "!" + entry.getName();
    parser = format.parser(new NonClosing(zip));
    return parser;
  }

  /** True when the last failure was the transfer's, not the content's. */
  boolean transferFailed() {
    return transfer.failed;
  }

  /** Reads what is left and completes the transfer (FTP: waits for the server's final reply). */
  @Override
  public void close() throws IOException {
    // a zip's central directory (or trailing bytes) is left unread by the parsers: read it, so
    // that the transfer completes normally instead of being cut short
    transfer.transferTo(java.io.OutputStream.nullOutputStream());
    if (zip != null) {
      zip.close();
    } else if (top != null) {
      top.close();
    } else {
      transfer.close();
    }
  }

  /** Closes without caring whether the transfer completed. */
  void abandon() {
    try {
      transfer.close();
    } catch (IOException ignored) {
      // the file is abandoned; its failure is already recorded
    }
  }

  /** The download stream, flagging its own I/O failures. */
  private static final class TransferStream extends FilterInputStream {
    boolean failed;

    TransferStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }
  }

  /** Lets a parser close its reader without closing the zip stream under it. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
