package io.integrator.model;

import java.util.EnumMap;
import java.util.Map;

/** The root schema of each kind, built once. */
final class SchemaRegistry {
  private static final Map<ResourceKind, ObjectSchema> ROOTS = new EnumMap<>(ResourceKind.class);

  static {
    ROOTS.put(ResourceKind.CONNECTION, ConnectionSchema.schema());
    ROOTS.put(ResourceKind.EXPORT, ExportSchema.schema());
    ROOTS.put(ResourceKind.IMPORT, ImportSchema.schema());
    ROOTS.put(ResourceKind.FLOW, OtherSchemas.flow());
    ROOTS.put(ResourceKind.INTEGRATION, OtherSchemas.integration());
    ROOTS.put(ResourceKind.CONNECTOR, OtherSchemas.connector());
    ROOTS.put(ResourceKind.ICLIENT, OtherSchemas.iclient());
    ROOTS.put(ResourceKind.JOB, OtherSchemas.job());
    ROOTS.put(ResourceKind.JOB_ERROR, OtherSchemas.jobError());
    ROOTS.put(ResourceKind.RETRY, OtherSchemas.retry());
    ROOTS.put(ResourceKind.DISTRIBUTED_EXPORT, OtherSchemas.distributedExport());
    ROOTS.put(ResourceKind.DISTRIBUTED_IMPORT, ImportSchema.distributed());
  }

  private SchemaRegistry() {}

  static ObjectSchema root(ResourceKind kind) {
    return ROOTS.get(kind);
  }
}
