package io.integrator.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.store.JobQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Builds an Integrator over a {@link MemoryAdaptor} and creates resources through its API. */
final class EngineFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  final MemoryAdaptor mem = new MemoryAdaptor();
  final Integrator integrator;
  final String connectionId;

  EngineFixture(Consumer<Integrator.Builder> setup) {
    this(setup, """
        {"name": "Mem", "type": "rest",
         "rest": {"baseURI": "https://mem.test", "mediaType": "json", "concurrencyLevel": 2,
                  "bearerToken": "s3cret-token"}}""");
  }

  EngineFixture(Consumer<Integrator.Builder> setup, String connection) {
    Integrator.Builder b = Integrator.builder().adaptor(mem)
        .retryBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(50)));
    setup.accept(b);
    integrator = b.build();
    connectionId = integrator.connections().create(connection).id();
  }

  EngineFixture() {
    this(b -> {});
  }

  static ObjectNode json(String s) {
    try {
      return (ObjectNode) JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** n source records {id: "r<i>", name: "n<i>"} with extra fields set by {@code edit}. */
  void source(String uri, int n, java.util.function.BiConsumer<Integer, ObjectNode> edit) {
    List<ObjectNode> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ObjectNode r = JSON.createObjectNode().put("id", "r" + i).put("name", "n" + i);
      edit.accept(i, r);
      list.add(r);
    }
    mem.sources.put(uri, new java.util.concurrent.CopyOnWriteArrayList<>(list));
  }

  String export(String uri, String extra) {
    return integrator.exports().create("""
        {"name": "E %s", "_connectionId": "%s", "rest": {"relativeURI": "%s"}%s}"""
        .formatted(uri, connectionId, uri, extra.isEmpty() ? "" : ", " + extra)).id();
  }

  /** An import copying id, name and every test-behaviour field. */
  String importTo(String uri, String extra) {
    return integrator.imports().create("""
        {"name": "I %s", "_connectionId": "%s",
         "rest": {"relativeURI": "%s", "method": "POST"},
         "mapping": {"fields": [
           {"extract": "id", "generate": "id"}, {"extract": "name", "generate": "name"},
           {"extract": "fail", "generate": "fail"}, {"extract": "exists", "generate": "exists"},
           {"extract": "flaky", "generate": "flaky"}, {"extract": "throttle", "generate": "throttle"},
           {"extract": "throttleFor", "generate": "throttleFor"},
           {"extract": "destId", "generate": "destId"}, {"extract": "failOn", "generate": "failOn"}]}%s}"""
        .formatted(uri, connectionId, uri, extra.isEmpty() ? "" : ", " + extra)).id();
  }

  String flow(String body) {
    return integrator.flows().create(body).id();
  }

  String simpleFlow(String exportId, String importId) {
    return flow("""
        {"name": "F", "_exportId": "%s", "_importId": "%s"}""".formatted(exportId, importId));
  }

  List<Job> children(Job flowJob) {
    List<Job> out = new ArrayList<>();
    for (Job j : integrator.jobs().list()) {
      if (flowJob.id().equals(j.flowJobId())) {
        out.add(j);
      }
    }
    out.sort(java.util.Comparator.comparing(j -> j.json().path("oIndex").asInt(-1)));
    return out;
  }

  Job child(Job flowJob, String type, String resourceId) {
    return children(flowJob).stream()
        .filter(j -> type.equals(j.type())
            && resourceId.equals("import".equals(type) ? j.importId() : j.exportId()))
        .findFirst().orElseThrow();
  }

  List<JobError> errors(String jobId) {
    List<JobError> out = new ArrayList<>();
    for (JobError e : integrator.jobErrors().list()) {
      if (jobId.equals(e.jobId())) {
        out.add(e);
      }
    }
    return out;
  }

  static JobQuery all() {
    return JobQuery.all();
  }

  @Override
  public void close() {
    integrator.close();
  }
}
