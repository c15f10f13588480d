package io.integrator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.model.ResourceJson;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code integrator errors <dir> <job id> [--json]}: the errors of a job and of its child jobs,
 * each with its retry data (the record as it was at the failing step).
 */
@Command(
    name = "errors",
    description = "Lists a job's errors (including its export and import child jobs) with their retry data.",
    mixinStandardHelpOptions = true)
final class ErrorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<dir>", description = "Project directory.")
  Path dir;

  @Parameters(index = "1", paramLabel = "<job id>", description = "The job.")
  String jobId;

  @Option(names = "--json", description = "Print the Job Error documents, each with a retryData field, as a JSON array.")
  boolean json;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (ProjectSession session = ProjectSession.open(dir, spec.commandLine().getErr())) {
      Integrator integrator = session.integrator;
      if (integrator.jobs().find(jobId).isEmpty()) {
        throw CliException.usage("no job " + jobId + " in " + dir + "; list them with: integrator jobs " + dir);
      }
      Set<String> jobIds = new HashSet<>(Set.of(jobId));
      for (Job j : integrator.jobs().list()) {
        if (jobId.equals(j.flowJobId())) {
          jobIds.add(j.id());
        }
      }
      List<JobError> errors =
          integrator.jobErrors().list().stream().filter(e -> jobIds.contains(e.jobId())).toList();
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      for (JobError e : errors) {
        ObjectNode row = e.json();
        if (e.retryId() != null) {
          integrator.retryData(e.retryId()).ifPresent(data -> row.set("retryData", data));
        }
        array.add(row);
      }
      if (json) {
        out.println(ResourceJson.write(array));
        return Main.OK;
      }
      out.printf("%d error%s of job %s%n", errors.size(), errors.size() == 1 ? "" : "s", jobId);
      for (var row : array) {
        out.printf(
            "%s [%s/%s%s] %s: %s%n",
            row.path("_id").asText(), row.path("source").asText(), row.path("classification").asText("-"),
            row.path("resolved").asBoolean() ? ", resolved" : "",
            row.path("code").asText(), row.path("message").asText());
        if (row.has("retryData")) {
          out.println("    retry data: " + row.get("retryData").path("record"));
        }
      }
      return Main.OK;
    }
  }
}
