package io.integrator.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.DocumentParseException;
import io.integrator.model.Resource;
import io.integrator.model.ResourceJson;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import io.integrator.validation.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads a project directory (DESIGN "The command line"):
 *
 * <pre>
 * connections/*.json  exports/*.json  imports/*.json  flows/*.json  integrations/*.json
 * connectors/*.json   iclients/*.json  (and jobs/, joberrors/, retries/)
 * exports/&lt;name&gt;.distributed.json   the distributed export of exports/&lt;name&gt;.json
 * imports/&lt;name&gt;.distributed.json   the distributed import of imports/&lt;name&gt;.json
 * </pre>
 *
 * <p>Rules: a document without {@code _id} takes its file name without {@code .json} as its id; a
 * distributed file takes its parent's id. Folders and files whose names start with {@code .} are
 * skipped silently ({@code .integrator/} holds run state). Unknown folders, files that do not end
 * in {@code .json}, {@code .json} files at the top level and sub-folders of a kind folder give a
 * warning and are not loaded; other top-level files (README) are skipped silently. An empty or
 * malformed file gives one error with line and column, and the rest of the project still loads.
 * Loading never throws for bad content; only an unreadable project root is an error problem too.
 */
public final class ProjectDirectory {
  private static final String DIST = ".distributed.json";

  private ProjectDirectory() {}

  /** Loads every resource under {@code dir}. */
  public static Project load(Path dir) {
    Loader l = new Loader(dir);
    if (!Files.isDirectory(dir)) {
      l.problems.add(Problem.error(dir.toString(), "", "not a directory; give a project directory"));
      return l.project();
    }
    for (Path entry : list(dir, l, "")) {
      String name = entry.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      if (!Files.isDirectory(entry)) {
        if (name.endsWith(".json")) {
          l.problems.add(
              Problem.warning(
                  name,
                  "",
                  "a resource file must sit in a kind folder such as exports/; not loaded"));
        }
        continue;
      }
      Optional<ResourceKind> kind =
          ResourceKind.fromName(name).filter(k -> k.collection().equals(name));
      if (kind.isEmpty()) {
        l.problems.add(
            Problem.warning(
                name + "/",
                "",
                "unknown folder; resource folders are " + folders() + "; its files were not loaded"));
        continue;
      }
      loadKindFolder(entry, kind.get(), l);
    }
    return l.project();
  }

  /**
   * Loads one file on its own. The kind is {@code kind} when given ({@code export}, {@code
   * exports}, {@code distributed-export}, ...), else inferred from the parent folder's name; a
   * {@code .distributed.json} file is the distributed document of that kind. The source name in
   * problems is the path as given.
   */
  public static Project loadFile(Path file, String kind) {
    return loadFiles(List.of(file), kind);
  }

  /** Loads several files given on their own, as {@link #loadFile} does for each. */
  public static Project loadFiles(Collection<Path> files, String kind) {
    Loader l = new Loader(null);
    for (Path file : files) {
      String source = file.toString().replace('\\', '/');
      String fileName = file.getFileName().toString();
      boolean distributed = fileName.endsWith(DIST);
      ResourceKind k;
      if (kind != null && !kind.isBlank()) {
        Optional<ResourceKind> explicit = explicitKind(kind);
        if (explicit.isEmpty()) {
          l.problems.add(
              Problem.error(
                  source,
                  "",
                  "unknown kind \"" + kind + "\"; use one of " + kindNames()));
          continue;
        }
        k = explicit.get();
        distributed |= k.isDistributed();
      } else {
        Path parent = file.toAbsolutePath().getParent();
        String folder = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
        Optional<ResourceKind> inferred = ResourceKind.fromName(folder);
        if (inferred.isEmpty()) {
          l.problems.add(
              Problem.error(
                  source,
                  "",
                  "cannot tell the kind from the folder \"" + folder
                      + "\"; put the file in a folder such as exports/ or give the kind ("
                      + kindNames() + ")"));
          continue;
        }
        k = inferred.get();
      }
      if (distributed) {
        ResourceKind dk = distributedKind(k.parent());
        if (dk == null) {
          l.problems.add(Problem.error(source, "", "only exports and imports have distributed documents"));
          continue;
        }
        String base = fileName.endsWith(DIST) ? fileName.substring(0, fileName.length() - DIST.length()) : stripJson(fileName);
        l.read(file, source, dk, base);
      } else {
        l.read(file, source, k, stripJson(fileName));
      }
    }
    return l.project();
  }

  private static void loadKindFolder(Path folder, ResourceKind kind, Loader l) {
    String dirName = folder.getFileName().toString();
    List<Path> entries = list(folder, l, dirName + "/");
    Map<String, String> parentIds = new LinkedHashMap<>();
    List<Path> distributedFiles = new ArrayList<>();
    for (Path f : entries) {
      String name = f.getFileName().toString();
      String source = dirName + "/" + name;
      if (name.startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(f)) {
        l.problems.add(Problem.warning(source + "/", "", "folders inside " + dirName + "/ are not loaded"));
      } else if (!name.endsWith(".json")) {
        l.problems.add(Problem.warning(source, "", "not a .json file; not loaded"));
      } else if (name.endsWith(DIST)) {
        distributedFiles.add(f);
      } else {
        Resource r = l.read(f, source, kind, stripJson(name));
        if (r != null) {
          parentIds.put(stripJson(name), r.id());
        }
      }
    }
    for (Path f : distributedFiles) {
      String name = f.getFileName().toString();
      String source = dirName + "/" + name;
      String base = name.substring(0, name.length() - DIST.length());
      ResourceKind dk = distributedKind(kind);
      if (dk == null) {
        l.problems.add(
            Problem.warning(source, "", "only exports and imports have distributed documents; not loaded"));
      } else if (!parentIds.containsKey(base)) {
        l.problems.add(
            Problem.error(
                source,
                "",
                "no " + dirName + "/" + base + ".json beside it; a distributed document belongs to its parent"));
      } else {
        l.read(f, source, dk, parentIds.get(base));
      }
    }
  }

  private static ResourceKind distributedKind(ResourceKind k) {
    return switch (k) {
      case EXPORT, DISTRIBUTED_EXPORT -> ResourceKind.DISTRIBUTED_EXPORT;
      case IMPORT, DISTRIBUTED_IMPORT -> ResourceKind.DISTRIBUTED_IMPORT;
      default -> null;
    };
  }

  static Optional<ResourceKind> explicitKind(String kind) {
    String n = kind.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
    if (n.equals("distributedexport")) {
      return Optional.of(ResourceKind.DISTRIBUTED_EXPORT);
    }
    if (n.equals("distributedimport")) {
      return Optional.of(ResourceKind.DISTRIBUTED_IMPORT);
    }
    if (n.equals("joberror")) {
      return Optional.of(ResourceKind.JOB_ERROR);
    }
    return ResourceKind.fromName(n);
  }

  private static String kindNames() {
    return "connection, export, import, flow, integration, connector, iclient, job, joberror,"
        + " retry, distributed-export, distributed-import";
  }

  private static String folders() {
    return Arrays.stream(ResourceKind.values())
        .filter(k -> !k.isDistributed())
        .map(k -> k.collection() + "/")
        .collect(Collectors.joining(", "));
  }

  private static String stripJson(String name) {
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }

  private static List<Path> list(Path dir, Loader l, String source) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      l.problems.add(
          Problem.error(
              source.isEmpty() ? dir.toString() : source, "", "cannot list the folder: " + e.getClass().getSimpleName()));
      return List.of();
    }
  }

  /** Collects resources and problems while loading. */
  private static final class Loader {
    final Path root;
    final Map<String, Resource> bySource = new LinkedHashMap<>();
    final Map<String, String> idOwners = new LinkedHashMap<>();
    final List<Problem> problems = new ArrayList<>();

    Loader(Path root) {
      this.root = root;
    }

    /** Reads, normalizes and registers one document; null when it could not be read. */
    Resource read(Path file, String source, ResourceKind kind, String defaultId) {
      ObjectNode doc;
      try {
        doc = ResourceJson.read(file, source);
      } catch (DocumentParseException e) {
        problems.add(Problem.error(source, "", e.detail()));
        return null;
      }
      Resource r = Resources.of(kind, doc);
      JsonNode own = doc.get("_id");
      if (kind.isDistributed()) {
        if (own != null && own.isTextual() && !own.textValue().equals(defaultId)) {
          problems.add(
              Problem.error(
                  source, "_id", "a distributed document has its parent's id " + defaultId + "; remove _id"));
        }
        r = r.withId(defaultId);
      } else if (own == null || own.isNull() || own.isTextual() && own.textValue().isEmpty()) {
        r = r.withId(defaultId);
      }
      String key = kind.name() + "/" + r.id();
      String first = r.id() == null ? null : idOwners.putIfAbsent(key, source);
      if (first != null) {
        problems.add(
            Problem.error(
                source,
                "_id",
                r.id() + " is also the id of " + first + "; ids must be unique per kind"));
        return null;
      }
      bySource.put(source, r);
      return r;
    }

    Project project() {
      return new Project(root, bySource, problems);
    }
  }
}
