package io.integrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.lookup.LookupResolver;
import io.integrator.mapping.Mapping;
import io.integrator.mapping.MappingDefinitionException;
import io.integrator.mapping.MappingError;
import io.integrator.mapping.Operation;
import io.integrator.mapping.RecordResult;
import io.integrator.model.DocumentParseException;
import io.integrator.model.IClient;
import io.integrator.model.Resource;
import io.integrator.model.ResourceJson;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import io.integrator.project.Project;
import io.integrator.spi.LookupSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code integrator map --import <import.json> --data <records.json> [--dir <project>]}: applies
 * an import's mapping to records and prints a JSON array aligned with the input, each entry the
 * mapped record or {@code {"errors":[...]}}.
 *
 * <p>Static lookups need nothing more. Dynamic lookups are asked through the adaptor of the
 * import's connection, found in the project directory ({@code --dir}, or the project the import
 * file sits in). An import whose mapping lives in its distributed document ({@code
 * <name>.distributed.json} beside it) is mapped with that document.
 */
@Command(
    name = "map",
    description = {
      "Applies an import's mapping to one record or a JSON array of records and prints the result.",
      "Exit code: 0 when every record mapped, 1 when a record failed or the mapping is invalid."
    },
    mixinStandardHelpOptions = true)
final class MapCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--import", required = true, paramLabel = "<import.json>", description = "The import document.")
  Path importFile;

  @Option(names = "--data", required = true, paramLabel = "<records.json>", description = "One record or a JSON array of records.")
  Path dataFile;

  @Option(
      names = "--dir",
      paramLabel = "<project>",
      description = "Project directory holding the import's connection (for dynamic lookups).")
  Path dir;

  @Option(
      names = "--operation",
      paramLabel = "<create|update>",
      description = "Map as for creating (default) or updating; immutable fields are left out on update.")
  String operation = "create";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Operation op = operation();
    String importSource = importFile.toString();
    ObjectNode importDoc = readImport(importSource);
    Mapping mapping;
    try {
      mapping = Mapping.compileImport(importDoc);
    } catch (MappingDefinitionException e) {
      e.problems().forEach(p -> err.println(importSource + ": " + p));
      err.println("the mapping is not valid; nothing was mapped");
      return Main.FAILED;
    }
    JsonNode data = read(dataFile);
    List<JsonNode> inputs = new ArrayList<>();
    if (data.isArray()) {
      data.forEach(inputs::add);
    } else {
      inputs.add(data);
    }

    List<ObjectNode> records = new ArrayList<>();
    for (JsonNode input : inputs) {
      if (input.isObject()) {
        records.add((ObjectNode) input);
      }
    }
    List<RecordResult> results;
    if (mapping.usesDynamicLookups()) {
      try (Integrator integrator = Integrator.builder().build()) {
        results = mapping.applyPage(records, new LookupResolver(lookupSource(importDoc, integrator)), op);
      }
    } else {
      results = mapping.applyPage(records, LookupResolver.none(), op);
    }

    ArrayNode output = JsonNodeFactory.instance.arrayNode();
    int failed = 0;
    int next = 0;
    for (int i = 0; i < inputs.size(); i++) {
      if (!inputs.get(i).isObject()) {
        output.add(errors(List.of(notARecord(i, inputs.get(i)))));
        failed++;
        continue;
      }
      RecordResult r = results.get(next++);
      if (r.isSuccess()) {
        output.add(r.record());
      } else {
        output.add(errors(r.errors().stream().map(MapCommand::error).toList()));
        failed++;
      }
    }
    out.println(ResourceJson.write(output));
    out.flush();
    err.printf("%d record%s mapped, %d failed%n", inputs.size() - failed, inputs.size() - failed == 1 ? "" : "s", failed);
    err.flush();
    return failed == 0 ? Main.OK : Main.FAILED;
  }

  private Operation operation() {
    return switch (operation.toLowerCase(java.util.Locale.ROOT)) {
      case "create" -> Operation.CREATE;
      case "update" -> Operation.UPDATE;
      default -> throw CliException.usage("--operation must be create or update, not \"" + operation + "\"");
    };
  }

  /** The import document, or its distributed document when the mapping lives there. */
  private ObjectNode readImport(String source) {
    boolean distributed = importFile.getFileName().toString().endsWith(".distributed.json");
    ResourceKind kind = distributed ? ResourceKind.DISTRIBUTED_IMPORT : ResourceKind.IMPORT;
    ObjectNode doc = Resources.of(kind, readObject(importFile, source)).json();
    if (!distributed && !doc.has("mapping") && doc.path("distributed").asBoolean(false)) {
      Path sibling = importFile.resolveSibling(
          importFile.getFileName().toString().replaceFirst("\\.json$", "") + ".distributed.json");
      if (Files.isRegularFile(sibling)) {
        ObjectNode dist = Resources.of(ResourceKind.DISTRIBUTED_IMPORT, readObject(sibling, sibling.toString())).json();
        dist.set("_connectionId", doc.get("_connectionId"));
        return dist;
      }
    }
    return doc;
  }

  private LookupSource lookupSource(ObjectNode importDoc, Integrator integrator) {
    String connectionId = importDoc.path("_connectionId").asText("");
    Path project = dir != null ? dir : ProjectPaths.enclosingProject(importFile).orElse(null);
    if (project == null) {
      throw CliException.usage(
          "the mapping uses dynamic lookups, which ask the import's connection; give the project"
              + " directory that holds it with --dir <project>");
    }
    Path connectionFile = project.resolve("connections").resolve(connectionId + ".json");
    Project loaded = ProjectPaths.loadProject(project);
    Optional<ObjectNode> connection = loaded.find(ResourceKind.CONNECTION, connectionId)
        .map(r -> IClient.embedInto(r.json(),
            id -> loaded.find(ResourceKind.ICLIENT, id).map(Resource::json)));
    if (connectionId.isEmpty() || connection.isEmpty()) {
      throw CliException.usage(
          "the mapping uses dynamic lookups, but the import's connection \"" + connectionId
              + "\" is not in " + project + " (expected " + connectionFile + ")");
    }
    String type = connection.get().path("type").asText("");
    return integrator
        .adaptor(type)
        .orElseThrow(() -> CliException.usage(
            "the mapping uses dynamic lookups, but no adaptor for connection type \"" + type
                + "\" is installed; add the adaptor's jar to the classpath"))
        .lookupSource(connection.get())
        .orElseThrow(() -> CliException.usage(
            "the adaptor for connection type \"" + type + "\" does not answer dynamic lookups"));
  }

  private static ObjectNode errors(List<ObjectNode> errors) {
    ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
    wrapper.putArray("errors").addAll(errors);
    return wrapper;
  }

  private static ObjectNode error(MappingError e) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("code", e.code());
    n.put("message", e.message());
    n.put("source", e.source());
    n.put("classification", e.classification());
    if (e.extract() != null) {
      n.put("extract", e.extract());
    }
    if (e.generate() != null) {
      n.put("generate", e.generate());
    }
    return n;
  }

  private static ObjectNode notARecord(int index, JsonNode value) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("code", "invalid_record");
    n.put("message", "record " + index + " is " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
        + ", not a JSON object; every record must be an object");
    n.put("source", "mapping");
    n.put("classification", "parse");
    return n;
  }

  private static ObjectNode readObject(Path file, String source) {
    try {
      return ResourceJson.read(file, source);
    } catch (DocumentParseException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  private static JsonNode read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw CliException.usage(file + ": no such file");
    }
    try {
      String text = Files.readString(file);
      if (text.isBlank()) {
        throw CliException.usage(file + ": the file is empty; give one record or a JSON array of records");
      }
      return ResourceJson.mapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var loc = e.getLocation();
      throw CliException.usage(file + ": line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": "
          + e.getOriginalMessage().lines().findFirst().orElse("malformed JSON"));
    } catch (IOException e) {
      throw CliException.usage(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
