package io.integrator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.lookup.LookupBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * One compiled list: zips the {@code [*]} columns of its fields into lines (REFERENCE §5 rules 1-6).
 * Line i takes slot i of every {@code [*]} column; scalar fields repeat; the line count is the longest
 * column; a column without slot i (or with a missing value there) leaves its field out of line i; no
 * {@code [*]} column gives one line; zero lines leave the list's key out.
 */
final class ListPlan {

    final TargetPath target;
    final FieldPlan[] fields;
    final boolean hasSequence;
    final boolean hasDynamicLookup;

    ListPlan(TargetPath target, FieldPlan[] fields) {
        this.target = target;
        this.fields = fields;
        boolean seq = false;
        boolean dyn = false;
        for (FieldPlan f : fields) {
            seq |= f.isSequence();
            dyn |= f.hasDynamicLookup();
        }
        this.hasSequence = seq;
        this.hasDynamicLookup = dyn;
    }

    /**
     * Phase 1: registers the dynamic lookup questions of every line.
     *
     * @return the flattened {@code [*]} columns (one {@code List<JsonNode>} per sequence field, else null),
     *         for {@link #produce} to reuse instead of flattening again
     */
    Object[] collect(ObjectNode record, Operation op, LookupBatch batch) {
        Object[] columns = hasSequence ? flattenColumns(record, op) : null;
        for (int i = 0; i < fields.length; i++) {
            FieldPlan f = fields[i];
            if (!f.hasDynamicLookup() || (f.immutable && op == Operation.UPDATE)) {
                continue;
            }
            if (f.isSequence()) {
                @SuppressWarnings("unchecked")
                List<JsonNode> slots = (List<JsonNode>) columns[i];
                for (int s = 0, size = slots.size(); s < size; s++) {
                    JsonNode slot = slots.get(s);
                    if (slot != null) {
                        f.collect(slot, record, batch);
                    }
                }
            } else {
                f.collect(f.raw(record), record, batch);
            }
        }
        return columns;
    }

    private Object[] flattenColumns(ObjectNode record, Operation op) {
        Object[] columns = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            FieldPlan f = fields[i];
            if (f.isSequence() && !(f.immutable && op == Operation.UPDATE)) {
                List<JsonNode> col = new ArrayList<>(16);
                f.extractor.sequence(record, col);
                columns[i] = col;
            }
        }
        return columns;
    }

    /**
     * Builds the lines and writes the array; writes nothing when there are zero lines.
     *
     * @param flattened the columns {@link #collect} returned for this record, or {@code null}
     */
    void produce(RecordContext ctx, ObjectNode out, Object[] flattened) {
        int n = fields.length;
        Object[] columns = flattened != null ? flattened
                : hasSequence ? flattenColumns(ctx.record, ctx.operation) : null; // List<JsonNode> per [*] column
        JsonNode[] scalars = new JsonNode[n];
        int lines = hasSequence ? 0 : 1;
        for (int i = 0; i < n; i++) {
            FieldPlan f = fields[i];
            if (f.immutable && ctx.operation == Operation.UPDATE) {
                continue;
            }
            if (f.isSequence()) {
                lines = Math.max(lines, ((List<?>) columns[i]).size());
            } else {
                scalars[i] = f.raw(ctx.record);
            }
        }
        if (lines == 0) {
            return;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(lines);
        String listName = target.text();
        for (int line = 0; line < lines; line++) {
            ObjectNode o = array.addObject();
            for (int i = 0; i < n; i++) {
                FieldPlan f = fields[i];
                if (f.immutable && ctx.operation == Operation.UPDATE) {
                    continue;
                }
                JsonNode raw;
                if (columns != null && columns[i] != null) {
                    @SuppressWarnings("unchecked")
                    List<JsonNode> col = (List<JsonNode>) columns[i];
                    if (line >= col.size()) {
                        continue;
                    }
                    raw = col.get(line);
                    if (raw == null) {
                        continue;
                    }
                } else {
                    raw = scalars[i];
                }
                if (raw == null && f.extractor != null) {
                    continue;
                }
                f.produce(raw, ctx, o, listName, line);
            }
        }
        target.write(out, array);
    }
}
