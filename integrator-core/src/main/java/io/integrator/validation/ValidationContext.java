package io.integrator.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a check sees besides the document: its source name, the project when a whole set is
 * validated, and where to report problems.
 */
public final class ValidationContext {
  private final String source;
  private final ProjectResources project;
  private final boolean partial;
  private final List<Problem> problems = new ArrayList<>();

  ValidationContext(String source, ProjectResources project, boolean partial) {
    this.source = source == null ? "" : source;
    this.project = project;
    this.partial = partial;
  }

  /** The document's source name ({@code exports/my-export.json}). */
  public String source() {
    return source;
  }

  /** The set being validated, or empty when a single document is validated. */
  public Optional<ProjectResources> project() {
    return Optional.ofNullable(project);
  }

  /** True when a whole set is validated: references to ids outside it are errors. */
  public boolean isProjectWide() {
    return project != null;
  }

  /**
   * True when the validator accepts partial documents (such as the API document's create
   * responses): required-field rules are skipped.
   */
  public boolean isPartial() {
    return partial;
  }

  /** Reports an error at a dotted path (empty for the whole document). */
  public void error(String path, String message) {
    problems.add(Problem.error(source, path, message));
  }

  /** Reports a warning at a dotted path. */
  public void warning(String path, String message) {
    problems.add(Problem.warning(source, path, message));
  }

  /** Reports a missing required field as an error, unless partial documents are accepted. */
  public void required(String path, String message) {
    if (!partial) {
      error(path, message);
    }
  }

  List<Problem> problems() {
    return problems;
  }
}
