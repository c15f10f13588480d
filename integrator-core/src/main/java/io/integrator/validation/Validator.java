package io.integrator.validation;

import io.integrator.model.Connection;
import io.integrator.model.DistributedExport;
import io.integrator.model.DistributedImport;
import io.integrator.model.Export;
import io.integrator.model.Flow;
import io.integrator.model.Import;
import io.integrator.model.DocumentParseException;
import io.integrator.model.Resource;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import io.integrator.model.Schemas;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Checks resource documents and reports every problem at once (never stops at the first).
 *
 * <p>Per document, in this order: the field schema (unknown fields with a did-you-mean, required
 * fields, JSON types, enum values, ranges), the kind's rules (combinations that cannot work, value
 * rules such as {@code debugDate} at most 1 hour ahead or the schedule shape), hook ids (unknown
 * to {@link Builder#knownHookIds} give warnings), then the added {@link DocumentCheck}s.
 *
 * <p>References ({@code _connectionId}, {@code _exportId}, ...) are checked only by {@link
 * #validate(ProjectResources)}: an id absent from the set is an error there and is not looked at
 * when one document is validated alone. Likewise a {@code lookupName} that names no lookup is an
 * error when validating a set or when the document defines lookups, and a warning otherwise.
 *
 * <pre>{@code
 * Validator v = Validator.builder().knownHookIds(registry::contains).addCheck(mappingCheck).build();
 * ValidationReport report = v.validate(resource, "exports/my-export.json");
 * }</pre>
 */
public final class Validator {
  private final Predicate<String> knownHookIds;
  private final List<DocumentCheck> checks;
  private final Clock clock;
  private final boolean partial;

  private Validator(Builder b) {
    this.knownHookIds = b.knownHookIds;
    this.checks = List.copyOf(b.checks);
    this.clock = b.clock;
    this.partial = b.partial;
  }

  /** A builder with no hook check, no extra checks, the system clock and full documents. */
  public static Builder builder() {
    return new Builder();
  }

  /** A validator with the builder's defaults. */
  public static Validator defaults() {
    return builder().build();
  }

  /** Validates one document alone. {@code source} names it in every problem. */
  public ValidationReport validate(Resource resource, String source) {
    return new ValidationReport(run(resource, source, null));
  }

  /**
   * Parses, normalizes and validates one document given as text. A text that is not a JSON object
   * gives a report with one error (line and column when known) instead of an exception.
   */
  public ValidationReport validate(ResourceKind kind, String text, String source) {
    Resource r;
    try {
      r = Resources.parse(kind, text, source);
    } catch (DocumentParseException e) {
      return new ValidationReport(List.of(Problem.error(source, "", e.detail())));
    }
    return validate(r, source);
  }

  /** Validates every document of a set, plus the rules that need the whole set. */
  public ValidationReport validate(ProjectResources set) {
    List<Problem> all = new ArrayList<>();
    for (Resource r : set.resources()) {
      all.addAll(run(r, set.sourceOf(r), set));
    }
    return new ValidationReport(all);
  }

  private List<Problem> run(Resource r, String source, ProjectResources set) {
    ValidationContext ctx = new ValidationContext(source, set, partial);
    for (Schemas.Finding f : Schemas.check(r.kind(), r.json())) {
      if (f.message().equals("required field is missing")) {
        ctx.required(f.path(), f.message());
      } else {
        ctx.error(f.path(), f.message());
      }
    }
    if (r instanceof Connection c) {
      ConnectionRules.check(c, clock, ctx);
    } else if (r instanceof Export e) {
      ExportRules.check(e, ctx);
    } else if (r instanceof Import i) {
      ImportRules.check(i, ctx);
    } else if (r instanceof Flow f) {
      FlowRules.check(f, ctx);
    } else if (r instanceof DistributedExport de) {
      DistributedExportRules.check(de, ctx);
    } else if (r instanceof DistributedImport di) {
      ImportRules.checkDistributed(di, ctx);
    }
    if (knownHookIds != null) {
      for (Map.Entry<String, String> h : Schemas.hookIds(r.kind(), r.json()).entrySet()) {
        if (!knownHookIds.test(h.getValue())) {
          ctx.warning(
              h.getKey(),
              "unknown hook id " + h.getValue() + "; register a hook with this id or the hook will not run");
        }
      }
    }
    if (set != null) {
      ProjectRules.check(r, set, ctx);
    }
    for (DocumentCheck check : checks) {
      try {
        check.check(r, ctx);
      } catch (RuntimeException e) {
        ctx.error("", "check " + check.getClass().getSimpleName() + " failed: " + e);
      }
    }
    return ctx.problems();
  }

  /** Configures a {@link Validator}. */
  public static final class Builder {
    private Predicate<String> knownHookIds;
    private final List<DocumentCheck> checks = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private boolean partial;

    private Builder() {}

    /** Hook ids this predicate does not know give warnings. Without it, hook ids are not checked. */
    public Builder knownHookIds(Predicate<String> known) {
      this.knownHookIds = Objects.requireNonNull(known);
      return this;
    }

    /** Adds a check run on every document after the built-in rules. */
    public Builder addCheck(DocumentCheck check) {
      checks.add(Objects.requireNonNull(check));
      return this;
    }

    /** The clock for time rules ({@code debugDate}); default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Accepts partial documents, such as the API document's create responses ({@code {_id,
     * apiIdentifier}}): required-field problems are not reported. Default false.
     */
    public Builder acceptPartialDocuments(boolean partial) {
      this.partial = partial;
      return this;
    }

    /** Builds the validator. */
    public Validator build() {
      return new Validator(this);
    }
  }
}
