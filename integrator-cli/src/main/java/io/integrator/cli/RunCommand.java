package io.integrator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code integrator run <dir> --flow <id> [--json]}: runs a flow of a project and prints its job. */
@Command(
    name = "run",
    description = {
      "Runs a flow of a project directory; progress goes to standard error, then the job summary.",
      "Exit code: 0 when the job completed (with or without record errors), 1 when it failed."
    },
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<dir>", description = "Project directory.")
  Path dir;

  @Option(names = "--flow", required = true, paramLabel = "<id>", description = "The flow's id (its file name).")
  String flowId;

  @Option(names = "--json", description = "Print the Job document as JSON on standard output.")
  boolean json;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try (ProjectSession session = ProjectSession.open(dir, err)) {
      if (session.integrator.flows().find(flowId).isEmpty()) {
        throw CliException.usage("no flow " + flowId + " in " + dir + " (expected flows/" + flowId + ".json)");
      }
      return JobPrinter.follow(session.integrator, session.integrator.runFlowAsync(flowId), json, out, err);
    }
  }
}
