package io.integrator.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Prints a usage error as one line plus a hint, and exits with {@link Main#USAGE}. */
final class UsageErrorHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cli = ex.getCommandLine();
    cli.getErr().println("integrator: " + ex.getMessage());
    cli.getErr()
        .println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
    cli.getErr().flush();
    return Main.USAGE;
  }
}
