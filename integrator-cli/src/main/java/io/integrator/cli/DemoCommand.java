package io.integrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.Resources;
import io.integrator.pipeline.FlowRunHandle;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code integrator demo}: validates the example project, loads it into the project's embedded
 * store ({@code <dir>/.integrator}), prints what the store holds (secrets masked), then runs the
 * project's {@code customers-to-erp} flow end to end against a web shop and an ERP started from the
 * testkit ({@link DemoSystems}): progress, the job summary, the rejected records with their retry
 * data, and a retry of them after their data is fixed.
 */
@Command(
    name = "demo",
    description = {
      "Validates a project, loads it into its embedded store and lists it, then runs its",
      "customers-to-erp flow against a demo shop and ERP on 127.0.0.1, lists the rejected",
      "records, fixes them and retries them. The default project is examples/project."
    },
    mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
  static final String FLOW = "customers-to-erp";
  private static final String SHOP = "shop-api";
  private static final String ERP = "erp-api";

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
    try (DemoSystems systems = DemoSystems.start();
        Integrator integrator =
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
      if (integrator.flows().find(FLOW).isEmpty()) {
        out.println();
        out.println("The project has no flow " + FLOW + "; nothing to run.");
        return Main.OK;
      }
      return runFlow(integrator, systems, project, out);
    }
  }

  private int runFlow(Integrator integrator, DemoSystems systems, Path project, PrintWriter out) {
    PrintWriter err = spec.commandLine().getErr();
    pointAt(integrator, SHOP, systems.shopBaseUri().toString());
    pointAt(integrator, ERP, systems.erpBaseUri().toString());
    out.println();
    out.printf(
        "Running flow %s: %d shop customers (%s, paged, bearer token) into the ERP (%s, basic auth),%n"
            + "updating the %d customers the ERP already has (found by e-mail) and creating the rest.%n",
        FLOW, DemoSystems.SHOP_CUSTOMERS, systems.shopBaseUri(), systems.erpBaseUri(),
        systems.erp.records("customers").size());
    FlowRunHandle run = integrator.runFlowAsync(FLOW);
    int code = JobPrinter.follow(integrator, run, false, out, err);
    String jobId = run.jobId();
    if (code != Main.OK) {
      return code;
    }

    out.println();
    out.printf("$ integrator errors %s %s%n", project, jobId);
    ArrayNode errors = JobErrorList.of(integrator, jobId);
    JobErrorList.print(out, jobId, errors);
    if (errors.isEmpty()) {
      return Main.OK;
    }

    out.println();
    out.println("The shop had no zip code for these customers. Fixing their retry data:");
    Set<String> fixed = new LinkedHashSet<>();
    for (JsonNode row : errors) {
      String retryId = row.path("_retryId").asText(null);
      ObjectNode record = (ObjectNode) row.path("retryData").path("record");
      String zip = systems.missingZips.get(record.path("email").asText());
      if (retryId != null && zip != null && fixed.add(retryId)) {
        integrator.editRetryData(retryId, record.deepCopy().put("zip", zip));
        out.printf("  %s: zip %s%n", record.path("email").asText(), zip);
      }
    }
    out.println();
    out.printf("$ integrator retry %s %s%n", project, jobId);
    code = JobPrinter.follow(integrator, integrator.retryAsync(jobId, null), false, out, err);
    out.println();
    out.printf(
        "The ERP now holds %d customers. The jobs and their errors stay in the project's store:%n"
            + "  bin/integrator jobs %s%n  bin/integrator errors %s %s%n",
        systems.erp.records("customers").size(), project, project, jobId);
    return code;
  }

  /** Points a connection of the project at a demo system started on a free port. */
  private static void pointAt(Integrator integrator, String connectionId, String baseUri) {
    Connection c = integrator.connections().get(connectionId);
    ObjectNode json = c.json();
    ((ObjectNode) json.get("rest")).put("baseURI", baseUri);
    integrator.connections().update(connectionId, Resources.of(Connection.class, json));
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
