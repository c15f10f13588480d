package io.integrator.cli;

/** A failure a subcommand reports as one line, with the exit code the process should end with. */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** A usage error: a file that cannot be read, an argument that makes no sense. */
  static CliException usage(String message) {
    return new CliException(Main.USAGE, message);
  }

  int exitCode() {
    return exitCode;
  }
}
