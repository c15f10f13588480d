package io.integrator.cli;

import io.integrator.project.Project;
import io.integrator.project.ProjectDirectory;
import io.integrator.validation.Problem;
import io.integrator.validation.ValidationReport;
import io.integrator.validation.Validator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code integrator validate <file-or-project-dir>...}: checks resource documents and prints each
 * problem on its own line ({@code exports/my-export.json: rest.method: must be one of GET, POST}).
 *
 * <p>A file inside a project directory ({@code <project>/exports/x.json}) is checked together with
 * its project, so its references resolve, but only its own problems are printed. Any other file
 * is checked on its own; its kind comes from its folder name or {@code --kind}.
 */
@Command(
    name = "validate",
    description = {
      "Checks resource documents and project directories; prints each problem on its own line.",
      "Exit code: 0 when every document is valid (warnings allowed), 1 when there are errors."
    },
    mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "<file-or-project-dir>", description = "Files or project directories.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--kind",
      paramLabel = "<kind>",
      description = "Kind of the files given on their own (export, import, connection, ...), when their folder does not say.")
  String kind;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Validator validator = Validator.builder().knownHookIds(HookIds.known()).build();
    int documents = 0;
    List<Problem> problems = new ArrayList<>();
    // Files of one project are checked against it: load and validate each project once.
    Map<Path, List<Problem>> projectProblems = new HashMap<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw CliException.usage(path + ": no such file or directory");
      }
      if (Files.isDirectory(path)) {
        Project project = ProjectDirectory.load(path);
        documents += project.resources().size();
        problems.addAll(project.validate(validator).problems());
        continue;
      }
      Optional<Path> enclosing = kind == null ? ProjectPaths.enclosingProject(path) : Optional.empty();
      if (enclosing.isPresent()) {
        Path root = enclosing.get().toAbsolutePath().normalize();
        List<Problem> all =
            projectProblems.computeIfAbsent(
                root, r -> ProjectDirectory.load(r).validate(validator).problems());
        String source = root
            .relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
        documents++;
        all.stream()
            .filter(p -> p.source().equals(source))
            .forEach(problems::add);
      } else {
        Project single = ProjectDirectory.loadFile(path, kind);
        documents += single.resources().size();
        ValidationReport report = single.validate(validator);
        problems.addAll(report.problems());
      }
    }
    problems.forEach(p -> out.println(p));
    long errors = problems.stream().filter(Problem::isError).count();
    long warnings = problems.size() - errors;
    err.printf(
        "%d document%s checked: %d error%s, %d warning%s%n",
        documents, documents == 1 ? "" : "s",
        errors, errors == 1 ? "" : "s",
        warnings, warnings == 1 ? "" : "s");
    out.flush();
    err.flush();
    return errors == 0 ? Main.OK : Main.FAILED;
  }
}
