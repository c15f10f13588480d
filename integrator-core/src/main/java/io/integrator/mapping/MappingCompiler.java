package io.integrator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.lookup.Lookup;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a mapping and its lookups and builds the plan; collects every problem instead of stopping at the first. */
final class MappingCompiler {

    private static final Set<String> FIELD_PROPERTIES = Set.of("extract", "generate", "hardCodedValue", "lookupName",
            "lookup", "dataType", "extractDateFormat", "extractDateTimezone", "generateDateFormat",
            "generateDateTimezone", "discardIfEmpty", "immutable", "internalId");
    private static final Set<String> LIST_PROPERTIES = Set.of("generate", "fields");
    private static final Set<String> MAPPING_PROPERTIES = Set.of("fields", "lists");

    final List<MappingProblem> problems = new ArrayList<>();
    final List<MappingProblem> warnings = new ArrayList<>();
    final Map<String, Lookup> lookups = new HashMap<>();
    final List<FieldPlan> fields = new ArrayList<>();
    final List<ListPlan> lists = new ArrayList<>();

    void compileLookups(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (!node.isArray()) {
            problems.add(new MappingProblem(path, "must be an array of lookups"));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode def = node.get(i);
            if (!def.isObject()) {
                problems.add(new MappingProblem(p, "a lookup must be an object"));
                continue;
            }
            try {
                Lookup lookup = Lookup.of((ObjectNode) def);
                if (lookups.putIfAbsent(lookup.name(), lookup) != null) {
                    problems.add(new MappingProblem(p + ".name", "duplicate lookup name \"" + lookup.name() + "\""));
                }
            } catch (IllegalArgumentException e) {
                String msg = e.getMessage();
                int colon = msg.indexOf(": ");
                problems.add(colon > 0 ? new MappingProblem(p + "." + msg.substring(0, colon), msg.substring(colon + 2))
                        : new MappingProblem(p, msg));
            }
        }
    }

    void compileMapping(JsonNode mapping, String path) {
        if (!mapping.isObject()) {
            problems.add(new MappingProblem(path, "must be an object with fields and lists"));
            return;
        }
        unknown(mapping, MAPPING_PROPERTIES, path);
        GenerateTree top = new GenerateTree();
        JsonNode fieldsNode = mapping.get("fields");
        if (fieldsNode != null && !fieldsNode.isNull()) {
            if (!fieldsNode.isArray()) {
                problems.add(new MappingProblem(path + ".fields", "must be an array"));
            } else {
                for (int i = 0; i < fieldsNode.size(); i++) {
                    FieldPlan f = field(fieldsNode.get(i), path + ".fields[" + i + "]", false, top);
                    if (f != null) {
                        fields.add(f);
                    }
                }
            }
        }
        JsonNode listsNode = mapping.get("lists");
        if (listsNode != null && !listsNode.isNull()) {
            if (!listsNode.isArray()) {
                problems.add(new MappingProblem(path + ".lists", "must be an array"));
            } else {
                for (int i = 0; i < listsNode.size(); i++) {
                    ListPlan l = list(listsNode.get(i), path + ".lists[" + i + "]", top);
                    if (l != null) {
                        lists.add(l);
                    }
                }
            }
        }
    }

    private ListPlan list(JsonNode node, String path, GenerateTree top) {
        if (!node.isObject()) {
            problems.add(new MappingProblem(path, "a list must be an object with generate and fields"));
            return null;
        }
        unknown(node, LIST_PROPERTIES, path);
        TargetPath target = target(node, path, top, true);
        JsonNode fieldsNode = node.get("fields");
        List<FieldPlan> plans = new ArrayList<>();
        if (fieldsNode == null || !fieldsNode.isArray()) {
            problems.add(new MappingProblem(path + ".fields", "a list needs a fields array"));
        } else {
            GenerateTree lineTree = new GenerateTree();
            for (int i = 0; i < fieldsNode.size(); i++) {
                FieldPlan f = field(fieldsNode.get(i), path + ".fields[" + i + "]", true, lineTree);
                if (f != null) {
                    plans.add(f);
                }
            }
        }
        return target == null ? null : new ListPlan(target, plans.toArray(new FieldPlan[0]));
    }

    private FieldPlan field(JsonNode node, String path, boolean inList, GenerateTree tree) {
        if (!node.isObject()) {
            problems.add(new MappingProblem(path, "a field must be an object"));
            return null;
        }
        int before = problems.size();
        unknown(node, FIELD_PROPERTIES, path);
        TargetPath target = target(node, path, tree, false);
        JsonNode extractNode = node.get("extract");
        JsonNode hardCoded = node.get("hardCodedValue");
        Extractor extractor = null;
        String extractText = "";
        if (extractNode != null && !extractNode.isNull()) {
            if (!extractNode.isTextual() || extractNode.textValue().isEmpty()) {
                problems.add(new MappingProblem(path + ".extract", "must be a non-empty string"));
            } else {
                extractText = extractNode.textValue();
                extractor = extractor(extractText, path + ".extract", inList);
            }
            if (hardCoded != null) {
                problems.add(new MappingProblem(path, "hardCodedValue and extract cannot be used together; keep one of them"));
            }
        } else if (hardCoded != null) {
            extractor = Extractor.constant(hardCoded.deepCopy());
        }
        Lookup lookup = lookup(node, path);
        if (extractNode == null && hardCoded == null && lookup == null && node.get("lookupName") == null
                && node.get("lookup") == null) {
            problems.add(new MappingProblem(path, "needs extract, hardCodedValue or lookupName to give the field a value"));
        }
        Converter converter = converter(node, path);
        boolean discard = bool(node, "discardIfEmpty", path);
        boolean immutable = bool(node, "immutable", path);
        if (problems.size() > before || target == null) {
            return null;
        }
        return new FieldPlan(extractText, extractor, lookup, converter, discard, immutable, target);
    }

    private Extractor extractor(String text, String path, boolean inList) {
        try {
            if (HandlebarsExtractor.isTemplate(text)) {
                return HandlebarsExtractor.parse(text);
            }
            Extractor e = BraceTemplate.isTemplate(text) ? BraceTemplate.parse(text) : Extractor.path(SourcePath.parse(text));
            if (e.isSequence() && !inList) {
                problems.add(new MappingProblem(path, "[*] is allowed only inside mapping.lists; move this field into a list or pick one element (e.g. lines.0.sku)"));
            }
            return e;
        } catch (IllegalArgumentException e) {
            problems.add(new MappingProblem(path, "malformed path or template: " + e.getMessage()));
            return null;
        }
    }

    private Lookup lookup(JsonNode node, String path) {
        JsonNode a = node.get("lookupName");
        JsonNode b = node.get("lookup");
        String prop = a != null ? "lookupName" : "lookup";
        JsonNode n = a != null ? a : b;
        if (n == null || n.isNull()) {
            return null;
        }
        if (a != null && b != null && !a.equals(b)) {
            problems.add(new MappingProblem(path + ".lookup", "lookup and lookupName name different lookups"));
            return null;
        }
        if (!n.isTextual()) {
            problems.add(new MappingProblem(path + "." + prop, "must be a lookup name"));
            return null;
        }
        Lookup lookup = lookups.get(n.textValue());
        if (lookup == null) {
            problems.add(MappingProblem.unknownLookup(path + "." + prop, n.textValue()));
        }
        return lookup;
    }

    private Converter converter(JsonNode node, String path) {
        JsonNode type = node.get("dataType");
        String extractFormat = text(node, "extractDateFormat", path);
        String generateFormat = text(node, "generateDateFormat", path);
        ZoneId extractZone = zone(node, "extractDateTimezone", path);
        ZoneId generateZone = zone(node, "generateDateTimezone", path);
        boolean dateProps = extractFormat != null || generateFormat != null || extractZone != null || generateZone != null;
        String dataType = null;
        if (type != null && !type.isNull()) {
            if (!type.isTextual() || !Set.of("string", "number", "boolean", "date").contains(type.textValue())) {
                problems.add(new MappingProblem(path + ".dataType", "unknown dataType " + type
                        + " (expected string, number, boolean or date)"));
                return null;
            }
            dataType = type.textValue();
        }
        if (dateProps && dataType != null && !dataType.equals("date")) {
            problems.add(new MappingProblem(path + ".dataType", "date format and time zone properties need dataType date"));
            return null;
        }
        if (dataType == null && !dateProps) {
            return null;
        }
        if (dataType == null || dataType.equals("date")) {
            try {
                return new DateConverter(extractFormat, extractZone, generateFormat, generateZone);
            } catch (IllegalArgumentException e) {
                String msg = e.getMessage();
                int colon = msg.indexOf(": ");
                problems.add(new MappingProblem(path + "." + msg.substring(0, colon), "bad date format: " + msg.substring(colon + 2)));
                return null;
            }
        }
        return Converter.forType(dataType);
    }

    private String text(JsonNode node, String prop, String path) {
        JsonNode v = node.get(prop);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.textValue().isEmpty()) {
            problems.add(new MappingProblem(path + "." + prop, "must be a non-empty string"));
            return null;
        }
        return v.textValue();
    }

    private ZoneId zone(JsonNode node, String prop, String path) {
        String z = text(node, prop, path);
        if (z == null) {
            return null;
        }
        try {
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            problems.add(new MappingProblem(path + "." + prop, "unknown time zone \"" + z + "\" (use an IANA id such as America/New_York)"));
            return null;
        }
    }

    private boolean bool(JsonNode node, String prop, String path) {
        try {
            return Lookup.booleanProperty(node, prop);
        } catch (IllegalArgumentException e) {
            problems.add(new MappingProblem(path + "." + prop, "must be true or false"));
            return false;
        }
    }

    private TargetPath target(JsonNode node, String path, GenerateTree tree, boolean isList) {
        JsonNode g = node.get("generate");
        if (g == null || !g.isTextual() || g.textValue().isBlank()) {
            problems.add(new MappingProblem(path + ".generate", "required: the target path"));
            return null;
        }
        TargetPath t;
        try {
            t = TargetPath.parse(g.textValue());
        } catch (IllegalArgumentException e) {
            problems.add(new MappingProblem(path + ".generate", "malformed path: " + e.getMessage()));
            return null;
        }
        String conflict = tree.add(t.segments(), path, isList);
        if (conflict != null) {
            if (conflict.startsWith("warning:")) {
                warnings.add(new MappingProblem(path + ".generate", conflict.substring(8)));
            } else {
                problems.add(new MappingProblem(path + ".generate", conflict));
            }
        }
        return t;
    }

    private void unknown(JsonNode node, Set<String> known, String path) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problems.add(new MappingProblem(path + "." + name, "unknown property"));
            }
        }
    }
}
