package io.integrator.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.lookup.LookupBatch;
import java.util.ArrayList;
import java.util.List;

/** Per-record state while mapping: the operation, the page's lookup answers and collected errors. */
final class RecordContext {

    final ObjectNode record;
    final Operation operation;
    final LookupBatch batch;
    List<MappingError> errors;

    RecordContext(ObjectNode record, Operation operation, LookupBatch batch) {
        this.record = record;
        this.operation = operation;
        this.batch = batch;
    }

    void error(MappingError e) {
        if (errors == null) {
            errors = new ArrayList<>(2);
        }
        errors.add(e);
    }
}
