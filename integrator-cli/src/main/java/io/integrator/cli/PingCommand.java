package io.integrator.cli;

import io.integrator.spi.PingResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code integrator ping <dir> <connection id>}: tests a connection through its adaptor. Success
 * brings a connection the engine marked offline back online; a failure marks it offline.
 */
@Command(
    name = "ping",
    description = {
      "Tests a connection of the project through its adaptor.",
      "A successful ping brings an offline connection back online; a failed one takes it offline.",
      "Exit code: 0 when the connection answered, 1 when it did not."
    },
    mixinStandardHelpOptions = true)
final class PingCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<dir>", description = "Project directory.")
  Path dir;

  @Parameters(index = "1", paramLabel = "<connection id>", description = "The connection.")
  String connectionId;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (ProjectSession session = ProjectSession.open(dir, spec.commandLine().getErr())) {
      if (session.integrator.connections().find(connectionId).isEmpty()) {
        throw CliException.usage("no connection " + connectionId + " in " + dir
            + " (expected connections/" + connectionId + ".json)");
      }
      PingResult result = session.integrator.ping(connectionId);
      if (result.ok()) {
        out.printf("connection %s: ok%n", connectionId);
        return Main.OK;
      }
      out.printf("connection %s: failed (%s): %s; it is offline until a ping succeeds%n",
          connectionId, result.code(), result.message());
      return Main.FAILED;
    }
  }
}
