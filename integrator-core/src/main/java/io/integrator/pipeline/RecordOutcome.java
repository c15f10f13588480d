package io.integrator.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.job.ErrorRow;
import io.integrator.spi.SubmitResult;
import java.util.List;

/**
 * How one record ended in one import: exactly one of success, ignore or error, plus the error rows
 * to store (errors may accompany a success when a hook returned {@code {data, errors}}).
 *
 * @param kind the counter this record goes to
 * @param input the record as it entered the import (retry data)
 * @param response the submit result (or a synthetic one for records that failed earlier)
 * @param errors the error rows to store
 * @param step the step where the record failed, or null
 */
record RecordOutcome(
    Kind kind, ObjectNode input, SubmitResult response, List<ErrorRow> errors, String step) {

  enum Kind {
    SUCCESS,
    IGNORE,
    ERROR
  }
}
