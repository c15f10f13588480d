package io.integrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;

/**
 * The errors of a job and of its child jobs, each Job Error document with its retry data under
 * {@code retryData}, and their one-line-per-error rendering.
 */
final class JobErrorList {
  private JobErrorList() {}

  static ArrayNode of(Integrator integrator, String jobId) {
    Set<String> jobIds = new HashSet<>(Set.of(jobId));
    for (Job j : integrator.jobs().list()) {
      if (jobId.equals(j.flowJobId())) {
        jobIds.add(j.id());
      }
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (JobError e : integrator.jobErrors().list()) {
      if (!jobIds.contains(e.jobId())) {
        continue;
      }
      ObjectNode row = e.json();
      if (e.retryId() != null) {
        integrator.retryData(e.retryId()).ifPresent(data -> row.set("retryData", data));
      }
      array.add(row);
    }
    return array;
  }

  static void print(PrintWriter out, String jobId, ArrayNode errors) {
    out.printf("%d error%s of job %s%n", errors.size(), errors.size() == 1 ? "" : "s", jobId);
    for (JsonNode row : errors) {
      out.printf(
          "%s [%s/%s%s] %s: %s%n",
          row.path("_id").asText(), row.path("source").asText(), row.path("classification").asText("-"),
          row.path("resolved").asBoolean() ? ", resolved" : "",
          row.path("code").asText(), row.path("message").asText());
      if (row.has("retryData")) {
        out.println("    retry data: " + row.get("retryData").path("record"));
      }
    }
  }
}
