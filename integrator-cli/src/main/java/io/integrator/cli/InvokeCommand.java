package io.integrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.Resource;
import io.integrator.model.ResourceJson;
import io.integrator.model.ResourceKind;
import io.integrator.spi.SubmitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code integrator invoke <dir> <id or apiIdentifier> [--limit N] [--data <file>]}: runs an export
 * standalone and prints its records, or runs records through an import and prints one result per
 * record. No job is created and no state is written.
 */
@Command(
    name = "invoke",
    description = {
      "Invokes an export or an import standalone, without a job.",
      "An export prints its records as a JSON array; an import runs --data and prints one result",
      "per record. Exit code: 0 on success; for an import, 1 when a record failed."
    },
    mixinStandardHelpOptions = true)
final class InvokeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<dir>", description = "Project directory.")
  Path dir;

  @Parameters(index = "1", paramLabel = "<id or apiIdentifier>", description = "The export or import.")
  String target;

  @Option(names = "--limit", paramLabel = "N", description = "Exports: return at most N records (default: all).")
  int limit;

  @Option(names = "--data", paramLabel = "<file>", description = "Imports: a JSON array of records (or one record).")
  Path data;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    if (limit < 0) {
      throw CliException.usage("--limit must be 0 (all) or more");
    }
    try (ProjectSession session = ProjectSession.open(dir, spec.commandLine().getErr())) {
      Optional<Resource> resource =
          session.project.find(ResourceKind.EXPORT, target)
              .or(() -> session.project.find(ResourceKind.IMPORT, target))
              .or(() -> session.integrator.exports().findByApiIdentifier(target).map(Resource.class::cast))
              .or(() -> session.integrator.imports().findByApiIdentifier(target).map(Resource.class::cast));
      if (resource.isEmpty()) {
        throw CliException.usage("no export or import with id or apiIdentifier " + target + " in " + dir);
      }
      Resource r = resource.get();
      if (r.kind() == ResourceKind.EXPORT) {
        if (data != null) {
          throw CliException.usage("--data is for imports; " + target + " is an export");
        }
        ArrayNode records = JsonNodeFactory.instance.arrayNode();
        session.integrator.invokeExport(r.id(), limit, null).forEach(records::add);
        out.println(ResourceJson.write(records));
        return Main.OK;
      }
      if (data == null) {
        throw CliException.usage("an import needs records: give --data <file> with a JSON array");
      }
      List<SubmitResult> results = session.integrator.invokeImport(r.id(), records(data));
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      results.forEach(res -> array.add(res.toJson()));
      out.println(ResourceJson.write(array));
      boolean allOk = results.stream().allMatch(res -> res.errors().isEmpty());
      return allOk ? Main.OK : Main.FAILED;
    }
  }

  static List<ObjectNode> records(Path file) {
    JsonNode node;
    try {
      node = ResourceJson.mapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw CliException.usage(file + ": cannot be read as JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    List<ObjectNode> records = new ArrayList<>();
    if (node != null && node.isObject()) {
      records.add((ObjectNode) node);
      return records;
    }
    if (node == null || !node.isArray()) {
      throw CliException.usage(file + ": give one record or a JSON array of records");
    }
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isObject()) {
        throw CliException.usage(file + ": record " + i + " is not a JSON object");
      }
      records.add((ObjectNode) node.get(i));
    }
    return records;
  }
}
