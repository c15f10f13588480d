package io.integrator.ftp;

import io.integrator.spi.AdaptorException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** One logged-in session on an FTP, FTPS or SFTP server. Not thread-safe. */
interface RemoteFiles extends AutoCloseable {

  /** The regular files of a directory (no sub-directories), in name order. */
  List<RemoteFile> list(String directory) throws AdaptorException;

  /**
   * Opens a file for reading while it downloads. Closing the stream completes the transfer; the
   * session can be used again afterwards.
   */
  InputStream read(String path) throws AdaptorException;

  /** Opens a file for writing (created or replaced); closing the stream completes the upload. */
  OutputStream write(String path) throws AdaptorException;

  /** Renames (moves) a file, replacing nothing: fails when the target exists. */
  void rename(String from, String to) throws AdaptorException;

  /** Deletes a file. */
  void delete(String path) throws AdaptorException;

  /** Creates a directory and its parents when missing. */
  void makeDirectories(String directory) throws AdaptorException;

  /** Logs out and disconnects; never throws. */
  @Override
  void close();

  /** Joins a directory and a name with exactly one {@code /}. */
  static String join(String directory, String name) {
    if (directory == null || directory.isEmpty()) {
      return name;
    }
    return directory.endsWith("/") ? directory + name : directory + "/" + name;
  }
}
