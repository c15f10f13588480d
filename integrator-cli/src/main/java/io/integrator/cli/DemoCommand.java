package io.integrator.cli;

import io.integrator.Integrator;
import io.integrator.model.Connection;
import io.integrator.model.Resource;
import io.integrator.model.ResourceJson;
import io.integrator.project.Project;
import io.integrator.store.Stores;
import io.integrator.validation.Problem;
import io.integrator.validation.ValidationReport;
import io.integrator.validation.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code integrator demo}: validates the example project, loads it into the project's embedded
 * store ({@code <dir>/.integrator}) and prints what the store now holds, secrets masked.
 */
@Command(
    name = "demo",
    description = {
      "Validates a project, loads it into its embedded store and lists it.",
      "The default project is examples/project; stored secrets are shown masked."
    },
    mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "<project>",
      description = "Project directory (default: examples/project of this repository).")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path project = dir != null ? dir : defaultProject();
    out.println("Project " + project);
    Project loaded = ProjectPaths.loadProject(project);
    Validator validator = Validator.builder().knownHookIds(HookIds.known()).build();
    ValidationReport report = loaded.validate(validator);
    for (Problem p : report.problems()) {
      out.println("  " + p);
    }
    out.printf(
        "Validated %d documents: %d errors, %d warnings%n",
        loaded.resources().size(), report.errors().size(), report.warnings().size());
    if (!report.isValid()) {
      out.println("Fix the errors above, then run the demo again.");
      return Main.FAILED;
    }

    Path stateDir = project.resolve(".integrator");
    try (Integrator integrator =
        Integrator.builder().store(Stores.h2File(stateDir)).validator(validator).build()) {
      integrator.load(loaded);
      out.println();
      out.println("Stored in " + stateDir + ":");
      List<Resource> stored = new ArrayList<>();
      stored.addAll(integrator.integrations().list());
      stored.addAll(integrator.connections().list());
      stored.addAll(integrator.exports().list());
      stored.addAll(integrator.imports().list());
      stored.addAll(integrator.flows().list());
      printTable(out, stored);
      List<Connection> connections = integrator.connections().list();
      if (!connections.isEmpty()) {
        Connection first = connections.get(0);
        out.println();
        out.println("connections/" + first.id() + " as stored (secrets are write-only):");
        out.println(ResourceJson.write(first.json()));
      }
    }
    return Main.OK;
  }

  private static void printTable(PrintWriter out, List<Resource> resources) {
    String format = "  %-12s %-24s %-10s %s%n";
    out.printf(format, "KIND", "ID", "API ID", "NAME");
    for (Resource r : resources) {
      String apiId = r.json().path("apiIdentifier").asText("");
      out.printf(
          format,
          r.kind().collection(),
          r.id(),
          apiId.isEmpty() ? "-" : apiId,
          r.name() == null ? "" : r.name());
    }
  }

  private static Path defaultProject() {
    String home = System.getenv("INTEGRATOR_HOME");
    Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
    return base.resolve("examples").resolve("project");
  }
}
