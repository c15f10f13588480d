package io.integrator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.integrator.Integrator;
import io.integrator.model.ResourceJson;
import java.nio.file.Path;
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
      ArrayNode errors = JobErrorList.of(integrator, jobId);
      if (json) {
        out.println(ResourceJson.write(errors));
      } else {
        JobErrorList.print(out, jobId, errors);
      }
      return Main.OK;
    }
  }
}
