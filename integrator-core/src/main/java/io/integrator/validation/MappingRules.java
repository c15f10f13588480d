package io.integrator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.mapping.Mapping;
import io.integrator.mapping.MappingProblem;
import io.integrator.mapping.MappingReview;
import java.util.List;

/**
 * Mapping rules (REFERENCE §5) shared by imports, distributed imports and flow response mappings.
 *
 * <p>The mapping compiler is the one authority on what a mapping means, so these rules ask it
 * ({@link Mapping#review}) and only translate its findings: paths are re-rooted at the mapping's
 * place in the document, and a lookup name the document does not define follows the validator's
 * rule (an error when the document defines lookups or a whole project is checked, else a warning).
 * Problems of the lookup definitions themselves are {@link LookupRules}' to report.
 */
final class MappingRules {
  private static final String ROOT = "mapping";

  private MappingRules() {}

  /**
   * Checks {@code mapping}.
   *
   * @param base where the mapping sits in the document, e.g. {@code mapping} or {@code
   *     pageProcessors[0].responseMapping}
   * @param lookups the document's lookup definitions (an array), or null when lookups do not apply
   * @param lookupNames the names defined by the document, or null when lookups do not apply
   * @param lookupsDefined true when the document has a lookups array (then unknown names are
   *     errors even for a single document)
   */
  static void check(
      JsonNode mapping,
      String base,
      JsonNode lookups,
      List<String> lookupNames,
      boolean lookupsDefined,
      ValidationContext ctx) {
    if (mapping == null || !mapping.isObject() || badShape(mapping, "fields") || badShape(mapping, "lists")) {
      return; // the schema check reports a mapping of the wrong shape
    }
    MappingReview review = Mapping.review(mapping, lookups, "lookups");
    for (MappingProblem p : review.problems()) {
      if (!p.path().startsWith(ROOT)) {
        continue; // a lookup definition's problem: LookupRules reports it
      }
      String path = base + p.path().substring(ROOT.length());
      String name = p.unknownLookup();
      if (name != null) {
        if (lookupNames != null && !lookupNames.contains(name)) {
          unknownLookup(path, name, lookupNames, lookupsDefined, ctx);
        }
        continue;
      }
      ctx.error(path, p.message());
    }
    for (MappingProblem w : review.warnings()) {
      if (w.path().startsWith(ROOT)) {
        ctx.warning(base + w.path().substring(ROOT.length()), w.message());
      }
    }
  }

  private static boolean badShape(JsonNode mapping, String arrayField) {
    JsonNode n = mapping.get(arrayField);
    return n != null && !n.isNull() && !n.isArray();
  }

  static void unknownLookup(
      String path, String name, List<String> defined, boolean lookupsDefined, ValidationContext ctx) {
    String known = defined.isEmpty() ? "none are defined" : "defined: " + String.join(", ", defined);
    String msg = "no lookup named " + name + " in this document (" + known + ")";
    if (lookupsDefined || ctx.isProjectWide()) {
      ctx.error(path, msg);
    } else {
      ctx.warning(path, msg);
    }
  }
}
