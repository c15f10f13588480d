package io.integrator.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;

/**
 * Turns an exception escaping a subcommand into one line on standard error, never a stack trace
 * (set {@code INTEGRATOR_DEBUG=1} to see it). A {@link CliException} carries its own exit code.
 */
final class OneLineExceptionHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    cli.getErr().println("integrator: " + message.lines().findFirst().orElse(message));
    if ("1".equals(System.getenv("INTEGRATOR_DEBUG"))) {
      ex.printStackTrace(cli.getErr());
    }
    cli.getErr().flush();
    return ex instanceof CliException cliEx ? cliEx.exitCode() : Main.FAILED;
  }
}
