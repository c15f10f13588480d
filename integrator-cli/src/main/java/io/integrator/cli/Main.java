package io.integrator.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code integrator} command line. Each subcommand is a class of its own; this class wires
 * them together and turns every failure into one clear line and an exit code: 0 success, 1 the
 * work failed (invalid documents, a failed job), 2 a usage error.
 */
@Command(
    name = "integrator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runs and checks integrations described as JSON resource documents.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  /** Exit code when the command did its work and everything was fine. */
  static final int OK = 0;
  /** Exit code when the work failed: invalid documents, records that did not map, a failed job. */
  static final int FAILED = 1;
  /** Exit code for a usage error: unknown option, missing argument, unreadable file. */
  static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    // The command line speaks for itself; library chatter below WARN only on request.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line without exiting, writing to the given streams; used by tests.
   *
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    for (Object sub : Subcommands.all()) {
      cli.addSubcommand(sub);
    }
    // Set after the subcommands are added: picocli copies these settings to existing ones only.
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new OneLineExceptionHandler());
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
