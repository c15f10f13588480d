package io.integrator.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem found in one validation run, in the order found (documents in source order, and
 * inside a document: shape problems first, then rules, then added checks).
 */
public final class ValidationReport {
  private final List<Problem> problems;

  /** A report of the given problems (copied). */
  public ValidationReport(List<Problem> problems) {
    this.problems = List.copyOf(problems);
  }

  /** A report with no problems. */
  public static ValidationReport empty() {
    return new ValidationReport(List.of());
  }

  /** All problems, errors and warnings. */
  public List<Problem> problems() {
    return problems;
  }

  /** The errors only. */
  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  /** The warnings only. */
  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** True when there is no error (warnings allowed). */
  public boolean isValid() {
    return problems.stream().noneMatch(Problem::isError);
  }

  /** This report followed by another one's problems. */
  public ValidationReport plus(ValidationReport other) {
    List<Problem> all = new ArrayList<>(problems);
    all.addAll(other.problems);
    return new ValidationReport(all);
  }

  /** Each problem as its user-facing line ({@link Problem#toString()}). */
  public List<String> lines() {
    return problems.stream().map(Problem::toString).toList();
  }

  /** The problem lines joined by newlines; empty when there are none. */
  @Override
  public String toString() {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
