package io.integrator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.integrator.model.Job;
import io.integrator.model.ResourceJson;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code integrator jobs <dir> [--flow <id>] [--json]}: the project's flow and retry jobs, newest first. */
@Command(
    name = "jobs",
    description = "Lists the flow and retry jobs of a project, newest first.",
    mixinStandardHelpOptions = true)
final class JobsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<dir>", description = "Project directory.")
  Path dir;

  @Option(names = "--flow", paramLabel = "<id>", description = "Only the jobs of this flow.")
  String flowId;

  @Option(names = "--json", description = "Print the Job documents as a JSON array.")
  boolean json;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (ProjectSession session = ProjectSession.open(dir, spec.commandLine().getErr())) {
      List<Job> jobs =
          session.integrator.jobs().list().stream()
              .filter(j -> "flow".equals(j.type()) || "retry".equals(j.type()))
              .filter(j -> flowId == null || flowId.equals(j.flowId()))
              .sorted(Comparator.comparing((Job j) -> j.json().path("createdAt").asText()).reversed())
              .toList();
      if (json) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        jobs.forEach(j -> array.add(j.json()));
        out.println(ResourceJson.write(array));
        return Main.OK;
      }
      String format = "%-24s %-6s %-10s %-24s %8s %8s %8s %8s  %s%n";
      out.printf(format, "JOB", "TYPE", "STATUS", "FLOW", "EXPORTED", "SUCCESS", "ERRORS", "IGNORED", "STARTED");
      for (Job j : jobs) {
        out.printf(
            format, j.id(), j.type(), j.status(), j.flowId() == null ? "-" : j.flowId(),
            j.numExport(), j.numSuccess(), j.numError(), j.numIgnore(),
            j.json().path("startedAt").asText("-"));
      }
      return Main.OK;
    }
  }
}
