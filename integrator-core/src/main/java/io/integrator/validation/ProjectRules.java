package io.integrator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.model.Connection;
import io.integrator.model.Export;
import io.integrator.model.Flow;
import io.integrator.model.Import;
import io.integrator.model.Resource;
import io.integrator.model.ResourceKind;
import io.integrator.model.Schemas;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rules that need the whole set: references, section fit with the connection, companions. */
final class ProjectRules {
  private static final Map<String, Set<String>> FIT =
      Map.of(
          "rest", Set.of("rest"),
          "http", Set.of("http", "rest"),
          "ftp", Set.of("ftp", "file"),
          "sftp", Set.of("ftp", "file"),
          "netsuite", Set.of("netsuite"));

  private ProjectRules() {}

  static void check(Resource r, ProjectResources set, ValidationContext ctx) {
    for (Schemas.Reference ref : Schemas.references(r.kind(), r.json())) {
      if (set.find(ref.target(), ref.id()).isEmpty()) {
        ctx.error(
            ref.path(),
            "no " + ref.target().displayName().toLowerCase(java.util.Locale.ROOT) + " with id "
                + ref.id() + " " + set.whereToFind(ref.target(), ref.id()));
      }
    }
    if (r instanceof Export e && e.connectionId() != null && !"webhook".equals(e.type())) {
      boolean needsSection = !"distributed".equals(e.type());
      fit(r.json(), e.connectionId(), set, needsSection, "an export", ctx);
    }
    if (r instanceof Import i && i.connectionId() != null) {
      fit(r.json(), i.connectionId(), set, !i.isDistributed(), "an import", ctx);
      if (i.isDistributed()
          && !set.distributedDocumentsComeLater()
          && (i.id() == null || set.find(ResourceKind.DISTRIBUTED_IMPORT, i.id()).isEmpty())) {
        ctx.error(
            "distributed",
            "distributed is true but this import has no distributed config; add <name>.distributed.json beside it");
      }
    }
    if (r.kind().isDistributed()
        && (r.id() == null || set.find(r.kind().parent(), r.id()).isEmpty())) {
      ctx.error(
          "",
          "no " + r.kind().parent().displayName().toLowerCase(java.util.Locale.ROOT)
              + " with id " + r.id() + " for this distributed document to belong to");
    }
    if (r instanceof Export e
        && ("delta".equals(e.type()) || "tranlinedelta".equals(e.type()))
        && !r.json().has("netsuite")
        && e.deltaDateField() == null
        && e.connectionId() != null
        && set.find(ResourceKind.CONNECTION, e.connectionId())
            .map(c -> "netsuite".equals(((Connection) c).type()))
            .orElse(false)) {
      ctx.required("delta.dateField", "required for NetSuite delta exports");
    }
    if (r instanceof Flow f) {
      sandboxMix(f, set, ctx);
    }
    if ((r instanceof Export || r instanceof Import) && r.json().has("apiIdentifier")) {
      String api = r.json().get("apiIdentifier").asText();
      for (Resource other : set.resources()) {
        if (other != r && (other instanceof Export || other instanceof Import)
            && api.equals(other.json().path("apiIdentifier").asText(null))) {
          ctx.error("apiIdentifier", api + " is also used by " + set.sourceOf(other) + "; apiIdentifiers must be unique");
          break;
        }
      }
    }
  }

  private static void fit(
      JsonNode d, String connectionId, ProjectResources set, boolean needsSection, String what, ValidationContext ctx) {
    Optional<Resource> found = set.find(ResourceKind.CONNECTION, connectionId);
    if (found.isEmpty() || !(found.get() instanceof Connection c) || c.type() == null) {
      return;
    }
    Set<String> allowed = FIT.get(c.type());
    if (allowed == null) {
      return;
    }
    boolean any = false;
    for (String s : List.of("rest", "http", "ftp", "file", "netsuite")) {
      if (!d.path(s).isObject()) {
        continue;
      }
      any = true;
      if (!allowed.contains(s)) {
        ctx.error(
            s,
            "does not fit connection " + connectionId + ", whose type is " + c.type() + "; use "
                + (c.type().equals("sftp") ? "an ftp" : "a " + primary(c.type())) + " section or another connection");
      }
    }
    if (!any && needsSection && !c.type().equals("netsuite")) {
      ctx.required(
          primary(c.type()),
          what + " over a " + c.type() + " connection needs a " + primary(c.type()) + " section");
    }
  }

  /** Sandbox and production connections must not meet in one flow (REFERENCE §2.1). */
  private static void sandboxMix(Flow f, ProjectResources set, ValidationContext ctx) {
    java.util.List<String> sandbox = new java.util.ArrayList<>();
    java.util.List<String> production = new java.util.ArrayList<>();
    java.util.List<Resource> steps = new java.util.ArrayList<>();
    f.exportIds().forEach(id -> set.find(ResourceKind.EXPORT, id).ifPresent(steps::add));
    f.importIds().forEach(id -> set.find(ResourceKind.IMPORT, id).ifPresent(steps::add));
    for (Resource step : steps) {
      String cid = step.json().path("_connectionId").asText(null);
      if (cid == null) {
        continue;
      }
      set.find(ResourceKind.CONNECTION, cid)
          .ifPresent(
              c -> {
                java.util.List<String> side =
                    c.json().path("sandbox").asBoolean(false) ? sandbox : production;
                if (!side.contains(cid)) {
                  side.add(cid);
                }
              });
    }
    if (!sandbox.isEmpty() && !production.isEmpty()) {
      ctx.error(
          "",
          "mixes sandbox connections (" + String.join(", ", sandbox) + ") with production connections ("
              + String.join(", ", production) + "); use one environment per flow");
    }
  }

  private static String primary(String type) {
    return type.equals("sftp") ? "ftp" : type;
  }
}
