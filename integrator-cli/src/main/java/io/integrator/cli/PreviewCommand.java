package io.integrator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.integrator.model.DocumentParseException;
import io.integrator.model.ResourceJson;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code integrator preview <dir> <export file>}: reads an (unsaved) export document in test mode
 * against the project's connections and prints at most 100 records. Nothing is stored.
 */
@Command(
    name = "preview",
    description = "Previews an export file against a project's connections: at most 100 records, nothing stored.",
    mixinStandardHelpOptions = true)
final class PreviewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<dir>", description = "Project directory.")
  Path dir;

  @Parameters(index = "1", paramLabel = "<export file>", description = "The export document to preview.")
  Path exportFile;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    if (!Files.isRegularFile(exportFile)) {
      throw CliException.usage(exportFile + ": no such file");
    }
    var export = readExport();
    try (ProjectSession session = ProjectSession.open(dir, spec.commandLine().getErr())) {
      ArrayNode records = JsonNodeFactory.instance.arrayNode();
      session.integrator.preview(export).forEach(records::add);
      out.println(ResourceJson.write(records));
      return Main.OK;
    }
  }

  private com.fasterxml.jackson.databind.node.ObjectNode readExport() {
    try {
      return Resources.of(ResourceKind.EXPORT, ResourceJson.read(exportFile, exportFile.toString())).json();
    } catch (DocumentParseException e) {
      throw CliException.usage(e.getMessage());
    }
  }
}
