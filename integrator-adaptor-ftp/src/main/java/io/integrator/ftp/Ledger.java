package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.ExportContext;
import io.integrator.spi.ExportState;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The processed-file ledger of a file export, kept in its {@link ExportState}: key = the file's
 * path, value = {@code {size, modified, processedAt}}. A listed file whose path, size and
 * modification time match an entry is not read again; a file changed since (other size or time)
 * is a new file. Entries of files no longer in the directory are dropped at the next commit.
 */
final class Ledger {
  private Ledger() {}

  static boolean processed(ExportState state, RemoteFile f) {
    return state
        .get(f.path())
        .map(v -> v.path("size").asLong(-1) == f.size()
            && v.path("modified").asText("").equals(ExportContext.iso(f.modified())))
        .orElse(false);
  }

  /** Records completed files and forgets entries of this directory's files that are gone. */
  static void remember(
      ExportState state, String directory, List<RemoteFile> listed, List<RemoteFile> completed) {
    Set<String> present = new HashSet<>();
    listed.forEach(f -> present.add(f.path()));
    String prefix = RemoteFiles.join(directory, "");
    for (String key : state.keys()) {
      String rest = key.startsWith(prefix) ? key.substring(prefix.length()) : null;
      if (rest != null && !rest.contains("/") && !present.contains(key)) {
        state.delete(key);
      }
    }
    String now = ExportContext.iso(Instant.now());
    for (RemoteFile f : completed) {
      ObjectNode v = JsonNodeFactory.instance.objectNode();
      v.put("size", f.size());
      v.put("modified", ExportContext.iso(f.modified()));
      v.put("processedAt", now);
      state.put(f.path(), v);
    }
  }

}
