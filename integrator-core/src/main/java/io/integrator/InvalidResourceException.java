package io.integrator;

import io.integrator.validation.Problem;
import io.integrator.validation.ValidationReport;
import java.util.List;

/**
 * A resource document was refused because it is not valid (the API's 422). The message names the
 * first problem and how many more there are; {@link #problems()} lists every one, each naming the
 * resource, the field path and what is wrong.
 */
public final class InvalidResourceException extends IntegratorException {
  private static final long serialVersionUID = 1L;
  private final transient ValidationReport report;

  InvalidResourceException(ValidationReport report) {
    super(summary(report));
    this.report = report;
  }

  /** Every error found (warnings are not a reason to refuse a document and are left out). */
  public List<Problem> problems() {
    return report.errors();
  }

  private static String summary(ValidationReport report) {
    List<Problem> errors = report.errors();
    String first = errors.isEmpty() ? "invalid document" : errors.get(0).toString();
    return errors.size() <= 1 ? first : first + " (and " + (errors.size() - 1) + " more problems)";
  }
}
