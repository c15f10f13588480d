package io.integrator.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.lookup.Lookup;
import io.integrator.mapping.Mapping;
import io.integrator.mapping.RecordPath;
import io.integrator.model.Import;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code rest}/{@code http} import says about existing records (REFERENCE §4.1, §4.3),
 * compiled once per job: the existence checks ({@code resourceId}, {@code existingExtract} /
 * {@code existingLookupName}, {@code ignoreExtract} / {@code ignoreLookupName}), the composite
 * create/update entries, and the lookups that request placeholders name. {@link ExistenceStep}
 * applies it to pages. Immutable.
 */
final class ExistencePlan {
  /** The placeholder name a writer fills from {@link io.integrator.spi.ImportRecord#existingId}. */
  static final String RESOURCE_ID = "_resourceId";

  /** {@code {name}} or {@code {{name}}}: a bare name between braces. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{?\\s*([^{}\\s]+)\\s*\\}?\\}");

  /** One existence check: a source field or a lookup (one of them is set). */
  record Check(String path, RecordPath extract, Lookup lookup) {
    static Check of(JsonNode section, String prefix, String extractField, String lookupField,
        Map<String, Lookup> lookups) {
      String e = text(section, extractField);
      String l = text(section, lookupField);
      if (e == null && l == null) {
        return null;
      }
      if (l != null) {
        return new Check(prefix + lookupField, null, named(lookups, prefix + lookupField, l));
      }
      try {
        return new Check(prefix + extractField, RecordPath.parse(e), null);
      } catch (IllegalArgumentException ex) {
        throw new FlowRunException("invalid_import", prefix + extractField + " '" + e
            + "' is not a usable field path: " + ex.getMessage());
      }
    }
  }

  final Check resourceId;
  final Check existing;
  final Check ignore;
  /** Legacy composite arrays: the lookups of entry 0 that must all resolve for an update. */
  final List<Lookup> updateEntryLookups;
  final boolean updateEntryNeedsResourceId;
  final boolean legacyComposite;
  /** requestType[] composite: per entry, CREATE or UPDATE. */
  final List<String> requestTypes;
  /** Per entry: the lookups its URI names, plus those the headers name. */
  final List<List<Lookup>> entryLookups;
  final boolean ignoreExisting;
  final boolean ignoreMissing;

  private ExistencePlan(Check resourceId, Check existing, Check ignore,
      List<Lookup> updateEntryLookups, boolean updateEntryNeedsResourceId, boolean legacyComposite,
      List<String> requestTypes, List<List<Lookup>> entryLookups, boolean ignoreExisting,
      boolean ignoreMissing) {
    this.resourceId = resourceId;
    this.existing = existing;
    this.ignore = ignore;
    this.updateEntryLookups = updateEntryLookups;
    this.updateEntryNeedsResourceId = updateEntryNeedsResourceId;
    this.legacyComposite = legacyComposite;
    this.requestTypes = requestTypes;
    this.entryLookups = entryLookups;
    this.ignoreExisting = ignoreExisting;
    this.ignoreMissing = ignoreMissing;
  }

  /**
   * Compiles the plan of an import, or returns null when the import has no {@code rest}/{@code
   * http} section or nothing in it concerns existing records or lookup placeholders.
   *
   * @throws FlowRunException when a check names an unknown or static lookup, or {@code
   *     ignoreExisting}/{@code ignoreMissing} is set without a way to check existence
   */
  static ExistencePlan of(Import imp) {
    ObjectNode doc = imp.json();
    String s = doc.path("http").isObject() ? "http" : doc.path("rest").isObject() ? "rest" : null;
    if (s == null) {
      return null;
    }
    JsonNode sec = doc.get(s);
    String p = s + ".";
    Map<String, Lookup> lookups = new LinkedHashMap<>();
    JsonNode defs = Mapping.lookupsOf(doc);
    if (defs != null && defs.isArray()) {
      for (JsonNode d : defs) {
        if (d.isObject()) {
          try {
            Lookup l = Lookup.of((ObjectNode) d);
            lookups.putIfAbsent(l.name(), l);
          } catch (IllegalArgumentException e) {
            throw new FlowRunException("invalid_import", "import '" + imp.id() + "' has a bad lookup: "
                + e.getMessage());
          }
        }
      }
    }
    JsonNode rid = sec.path("resourceId");
    Check resourceId = rid.isObject()
        ? Check.of(rid, p + "resourceId.", "extract", "lookupName", lookups) : null;
    Check existing = Check.of(sec, p, "existingExtract", "existingLookupName", lookups);
    Check ignore = Check.of(sec, p, "ignoreExtract", "ignoreLookupName", lookups);

    List<String> uris = texts(sec.get("relativeURI"));
    List<String> requestTypes = new ArrayList<>();
    JsonNode rt = sec.path("requestType");
    if (rt.isArray()) {
      rt.forEach(t -> requestTypes.add(t.asText().toUpperCase(java.util.Locale.ROOT)));
    }
    boolean legacyComposite = uris.size() > 1 && requestTypes.isEmpty();
    List<Lookup> headerLookups = new ArrayList<>();
    JsonNode headers = sec.path("headers");
    if (headers.isObject()) {
      headers.forEach(v -> headerLookups.addAll(named(v.asText(), lookups)));
    } else if (headers.isArray()) {
      headers.forEach(h -> headerLookups.addAll(named(h.path("value").asText(), lookups)));
    }
    List<List<Lookup>> entryLookups = new ArrayList<>();
    for (String uri : uris.isEmpty() ? List.of("") : uris) {
      Set<Lookup> named = new LinkedHashSet<>(named(uri, lookups));
      named.addAll(headerLookups);
      entryLookups.add(List.copyOf(named));
    }
    List<Lookup> updateEntryLookups = legacyComposite ? named(uris.get(0), lookups) : List.of();
    boolean needsResourceId = legacyComposite && placeholders(uris.get(0)).contains(RESOURCE_ID);
    boolean ignoreExisting = imp.ignoreExisting();
    boolean ignoreMissing = imp.ignoreMissing();
    boolean anyCheck = resourceId != null || existing != null || ignore != null;
    if ((ignoreExisting || ignoreMissing) && !anyCheck && updateEntryLookups.isEmpty()
        && !needsResourceId) {
      throw new FlowRunException("invalid_import", "import '" + imp.id() + "' sets "
          + (ignoreExisting ? "ignoreExisting" : "ignoreMissing") + " but has no way to check "
          + "whether a record exists: set " + p + "ignoreExtract or " + p + "ignoreLookupName");
    }
    boolean anyLookup = entryLookups.stream().anyMatch(l -> !l.isEmpty());
    if (!anyCheck && !legacyComposite && requestTypes.isEmpty() && !anyLookup
        && !ignoreExisting && !ignoreMissing) {
      return null;
    }
    for (List<Lookup> ls : entryLookups) {
      for (Lookup l : ls) {
        if (!l.isDynamic()) {
          throw new FlowRunException("invalid_import", "import '" + imp.id() + "': the request of "
              + p + "relativeURI or " + p + "headers names lookup '" + l.name() + "', which only "
              + "has a map; a placeholder needs a lookup that asks the destination (relativeURI)");
        }
      }
    }
    return new ExistencePlan(resourceId, existing, ignore, List.copyOf(updateEntryLookups),
        needsResourceId, legacyComposite, List.copyOf(requestTypes), List.copyOf(entryLookups),
        ignoreExisting, ignoreMissing);
  }

  /** True when some lookup of this plan must be asked of the adaptor's lookup source. */
  boolean usesDynamicLookups() {
    for (Check c : new Check[] {resourceId, existing, ignore}) {
      if (c != null && c.lookup() != null) {
        return true;
      }
    }
    return entryLookups.stream().anyMatch(l -> !l.isEmpty());
  }

  /**
   * The entry of {@code relativeURI[]} a record takes: for the legacy composite 0 (update) or 1
   * (create); with {@code requestType[]} the first entry of that type (0 when there is none).
   */
  int entry(boolean update) {
    if (legacyComposite) {
      return update ? 0 : 1;
    }
    int i = requestTypes.indexOf(update ? "UPDATE" : "CREATE");
    return i < 0 ? 0 : Math.min(i, entryLookups.size() - 1);
  }

  private static Lookup named(Map<String, Lookup> lookups, String path, String name) {
    Lookup l = lookups.get(name);
    if (l == null) {
      throw new FlowRunException("invalid_import", path + " names lookup '" + name
          + "', which the import does not define (" + (lookups.isEmpty() ? "none are defined"
          : "defined: " + String.join(", ", lookups.keySet())) + ")");
    }
    if (!l.isDynamic()) {
      throw new FlowRunException("invalid_import", path + " names lookup '" + name + "', which "
          + "only has a map; an existence check needs a lookup that asks the destination");
    }
    return l;
  }

  /** The lookups a template's placeholders name, in order of appearance. */
  static List<Lookup> named(String template, Map<String, Lookup> lookups) {
    Set<Lookup> out = new LinkedHashSet<>();
    for (String n : placeholders(template)) {
      Lookup l = lookups.get(n);
      if (l != null) {
        out.add(l);
      }
    }
    return List.copyOf(out);
  }

  static List<String> placeholders(String template) {
    List<String> out = new ArrayList<>();
    if (template == null) {
      return out;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(v -> out.add(v.asText()));
    } else {
      out.add(n.asText());
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isTextual() || v.textValue().isBlank() ? null : v.textValue();
  }
}
