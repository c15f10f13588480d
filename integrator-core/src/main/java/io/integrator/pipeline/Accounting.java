package io.integrator.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.job.ErrorRecorder;
import io.integrator.job.ErrorRow;
import io.integrator.job.JobTracker;
import java.util.List;

/** Turns record outcomes into job counters and Job Error rows with retry data. */
final class Accounting {
  private Accounting() {}

  /** Counts of one page in one import. */
  record Counts(int success, int ignore, int error) {}

  /**
   * Records a page's outcomes.
   *
   * @param job the job the error rows belong to
   * @param parents jobs whose counters also go up (the flow job)
   * @param storeRetryData false for {@code skipRetries} flows
   */
  static Counts record(ErrorRecorder errors, JobTracker job, List<JobTracker> parents,
      List<RecordOutcome> outcomes, String importId, String flowId, boolean storeRetryData) {
    int s = 0;
    int ig = 0;
    int e = 0;
    for (RecordOutcome o : outcomes) {
      switch (o.kind()) {
        case SUCCESS -> s++;
        case IGNORE -> ig++;
        case ERROR -> e++;
      }
      if (!o.errors().isEmpty()) {
        String retryId = null;
        if (storeRetryData && o.kind() == RecordOutcome.Kind.ERROR
            && o.errors().stream().anyMatch(ErrorRow::retriable)) {
          retryId = errors.storeRetryData(job.id(), payload(o, importId, flowId));
        }
        errors.record(job.id(), o.errors(), retryId, ErrorRecorder.traceKey(o.input()));
      }
    }
    job.outcomes(s, ig, e);
    for (JobTracker p : parents) {
      p.outcomes(s, ig, e);
    }
    return new Counts(s, ig, e);
  }

  static ObjectNode payload(RecordOutcome o, String importId, String flowId) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.set("record", o.input().deepCopy());
    p.put("_importId", importId);
    if (flowId != null) {
      p.put("_flowId", flowId);
    }
    p.put("step", o.step() == null ? "submit" : o.step());
    return p;
  }
}
