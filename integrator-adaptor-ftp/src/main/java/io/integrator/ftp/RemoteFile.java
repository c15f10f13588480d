package io.integrator.ftp;

import java.time.Instant;

/**
 * A file in a remote directory.
 *
 * @param directory the directory as resolved for the server
 * @param name the file name without directory
 * @param size size in bytes
 * @param modified last modification time, {@link Instant#EPOCH} when the server gives none
 */
record RemoteFile(String directory, String name, long size, Instant modified) {

  /** Directory and name joined with {@code /}. */
  String path() {
    return RemoteFiles.join(directory, name);
  }
}
