package io.integrator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code integrator retry <dir> <job id> [--json]}: retries a job's open errors as a new job. */
@Command(
    name = "retry",
    description = {
      "Retries every open, retriable error of a job as a new job of type retry, printed like run.",
      "Exit code: 0 when the retry job completed, 1 when it failed."
    },
    mixinStandardHelpOptions = true)
final class RetryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<dir>", description = "Project directory.")
  Path dir;

  @Parameters(index = "1", paramLabel = "<job id>", description = "The job whose errors to retry.")
  String jobId;

  @Option(names = "--json", description = "Print the retry Job document as JSON on standard output.")
  boolean json;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try (ProjectSession session = ProjectSession.open(dir, err)) {
      if (session.integrator.jobs().find(jobId).isEmpty()) {
        throw CliException.usage("no job " + jobId + " in " + dir + "; list them with: integrator jobs " + dir);
      }
      return JobPrinter.follow(
          session.integrator, session.integrator.retryAsync(jobId, null), json, out, err);
    }
  }
}
