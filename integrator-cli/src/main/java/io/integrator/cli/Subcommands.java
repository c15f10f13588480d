package io.integrator.cli;

import java.util.List;

/** The subcommands of {@code integrator}, in the order {@code --help} lists them. */
final class Subcommands {
  private Subcommands() {}

  static List<Object> all() {
    return List.of(
        new ValidateCommand(),
        new MapCommand(),
        new RunCommand(),
        new WebhookCommand(),
        new InvokeCommand(),
        new PreviewCommand(),
        new JobsCommand(),
        new ErrorsCommand(),
        new RetryCommand(),
        new PingCommand(),
        new DemoCommand());
  }
}
