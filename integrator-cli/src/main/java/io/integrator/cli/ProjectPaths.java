package io.integrator.cli;

import io.integrator.model.ResourceKind;
import io.integrator.project.Project;
import io.integrator.project.ProjectDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds project directories for paths given on the command line. */
final class ProjectPaths {
  private ProjectPaths() {}

  /** The project directory a resource file sits in ({@code <project>/exports/x.json}), if any. */
  static Optional<Path> enclosingProject(Path file) {
    Path parent = file.toAbsolutePath().normalize().getParent();
    if (parent == null || parent.getParent() == null || parent.getFileName() == null) {
      return Optional.empty();
    }
    String folder = parent.getFileName().toString();
    boolean kindFolder =
        ResourceKind.fromName(folder).filter(k -> k.collection().equals(folder)).isPresent();
    return kindFolder ? Optional.of(parent.getParent()) : Optional.empty();
  }

  /** Loads a project directory, or fails with a usage error naming the path. */
  static Project loadProject(Path dir) {
    if (!Files.exists(dir)) {
      throw CliException.usage(dir + ": no such file or directory");
    }
    if (!Files.isDirectory(dir)) {
      throw CliException.usage(dir + ": not a directory; give a project directory");
    }
    return ProjectDirectory.load(dir);
  }
}
