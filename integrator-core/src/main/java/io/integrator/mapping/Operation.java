package io.integrator.mapping;

/** Whether the destination record is being created or updated; {@code immutable} fields are written on {@link #CREATE} only. */
public enum Operation {
    /** The record is created: every field is written. */
    CREATE,
    /** The record is updated: fields marked {@code immutable} are left out. */
    UPDATE
}
