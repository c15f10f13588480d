package io.integrator.cli;

import io.integrator.Integrator;
import io.integrator.project.Project;
import io.integrator.store.Stores;
import io.integrator.validation.Problem;
import io.integrator.validation.ValidationReport;
import io.integrator.validation.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * A project directory opened for running: its documents validated and loaded into its embedded
 * store ({@code <dir>/.integrator}), where jobs, job errors and delta watermarks also live.
 */
final class ProjectSession implements AutoCloseable {
  final Project project;
  final Integrator integrator;

  private ProjectSession(Project project, Integrator integrator) {
    this.project = project;
    this.integrator = integrator;
  }

  /**
   * Opens the project; its problems go to {@code err}. An invalid project is a failure: nothing
   * runs on documents with errors.
   */
  static ProjectSession open(Path dir, PrintWriter err) {
    Project project = ProjectPaths.loadProject(dir);
    Validator validator = Validator.builder().knownHookIds(HookIds.known()).build();
    ValidationReport report = project.validate(validator);
    report.problems().stream().map(Problem::toString).forEach(err::println);
    if (!report.isValid()) {
      throw new CliException(
          Main.FAILED, dir + " has " + report.errors().size() + " invalid document problems; fix them first");
    }
    Integrator integrator =
        Integrator.builder().store(Stores.h2File(dir.resolve(".integrator"))).validator(validator).build();
    try {
      integrator.load(project);
    } catch (RuntimeException e) {
      integrator.close();
      throw e;
    }
    return new ProjectSession(project, integrator);
  }

  @Override
  public void close() {
    integrator.close();
  }
}
