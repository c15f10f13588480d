package io.integrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.spi.ImportRecord;
import io.integrator.spi.SubmitResult;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Existing records: create or update, ignoreExisting / ignoreMissing, immutable fields (REFERENCE §4.1, §4.3). */
class ExistingRecordsTest {

  private static final String MAPPING = """
      "mapping": {"fields": [
        {"extract": "id", "generate": "id"},
        {"extract": "name", "generate": "name"},
        {"extract": "created", "generate": "created", "immutable": true}]}""";

  private static final String CUSTOMER_LOOKUP = """
      {"name": "customer", "relativeURI": "/customers?email={email}", "method": "GET",
       "extract": "0.id"}""";

  private static Map<String, ImportRecord> byId(List<ImportRecord> records) {
    return records.stream().collect(Collectors.toMap(
        r -> r.source().path("id").asText(), Function.identity()));
  }

  private static int total(Job j) {
    return j.numSuccess() + j.numIgnore() + j.numError();
  }

  @Test
  void ignoreExistingSkipsRecordsWhoseExtractIsNotEmptyAndCountsThemIgnored() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 10, (i, r) -> {
        r.put("created", "2020");
        if (i % 3 == 0) {
          r.put("externalId", "ext-" + i);
        } else if (i == 1) {
          r.put("externalId", "");
        }
      });
      String e = f.export("/s", "\"pageSize\": 4");
      String imp = f.integrator.imports().create("""
          {"name": "I", "_connectionId": "%s", "ignoreExisting": true,
           "rest": {"relativeURI": "/d", "method": "POST", "ignoreExtract": "externalId"}, %s}"""
          .formatted(f.connectionId, MAPPING)).id();
      Job job = f.integrator.runFlow(f.simpleFlow(e, imp));
      Job ij = f.child(job, "import", imp);
      assertThat(List.of(ij.numSuccess(), ij.numIgnore(), ij.numError()))
          .containsExactly(6, 4, 0);
      assertThat(total(ij)).isEqualTo(job.numExport());
      assertThat(f.mem.received.get("/d")).extracting(r -> r.path("id").asText())
          .containsExactlyInAnyOrder("r1", "r2", "r4", "r5", "r7", "r8");
      // the records sent are creates: nothing said they exist, immutable fields are kept
      assertThat(f.mem.handed.get("/d")).allSatisfy(r -> {
        assertThat(r.operation()).isEqualTo(ImportRecord.Operation.CREATE);
        assertThat(r.record().path("created").asText()).isEqualTo("2020");
      });
    }
  }

  @Test
  void ignoreMissingSkipsRecordsTheLookupDoesNotFindAndUpdatesTheOthersWithoutImmutableFields() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 6, (i, r) -> r.put("email", "c" + i + "@x.test").put("created", "2020"));
      f.mem.destination.put("/customers?email=c0@x.test", "cust-0");
      f.mem.destination.put("/customers?email=c3@x.test", "cust-3");
      String e = f.export("/s", "\"pageSize\": 4");
      String imp = f.integrator.imports().create("""
          {"name": "I", "_connectionId": "%s", "ignoreMissing": true,
           "rest": {"relativeURI": "/d", "method": "PUT", "ignoreLookupName": "customer",
                    "lookups": [%s]}, %s}"""
          .formatted(f.connectionId, CUSTOMER_LOOKUP, MAPPING)).id();
      Job job = f.integrator.runFlow(f.simpleFlow(e, imp));
      Job ij = f.child(job, "import", imp);
      assertThat(List.of(ij.numSuccess(), ij.numIgnore(), ij.numError()))
          .containsExactly(2, 4, 0);
      assertThat(total(ij)).isEqualTo(job.numExport());
      Map<String, ImportRecord> handed = byId(f.mem.handed.get("/d"));
      assertThat(handed.keySet()).containsExactlyInAnyOrder("r0", "r3");
      ImportRecord r3 = handed.get("r3");
      assertThat(r3.operation()).isEqualTo(ImportRecord.Operation.UPDATE);
      assertThat(r3.existingId()).isEqualTo("cust-3");
      assertThat(r3.lookups().get("customer").asText()).isEqualTo("cust-3");
      assertThat(r3.record().has("created")).isFalse();
      assertThat(r3.source().path("email").asText()).isEqualTo("c3@x.test");
      // one question per distinct record, asked once per job
      assertThat(f.mem.lookupQuestions.get()).isEqualTo(6);
    }
  }

  @Test
  void compositeArraysUpdateWhenEveryLookupPlaceholderOfEntryZeroResolvesElseCreate() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 5, (i, r) -> r.put("email", "c" + i + "@x.test").put("created", "2020"));
      f.mem.destination.put("/customers?email=c1@x.test", "cust-1");
      f.mem.destination.put("/customers?email=c4@x.test", "cust-4");
      String e = f.export("/s", "");
      // allowFailures false: a miss here still only selects create
      String imp = f.integrator.imports().create("""
          {"name": "I", "_connectionId": "%s",
           "rest": {"relativeURI": ["/customers/{customer}", "/customers"], "method": ["PUT", "POST"],
                    "lookups": [%s]}, %s}"""
          .formatted(f.connectionId, CUSTOMER_LOOKUP, MAPPING)).id();
      Job job = f.integrator.runFlow(f.simpleFlow(e, imp));
      Job ij = f.child(job, "import", imp);
      assertThat(List.of(ij.numSuccess(), ij.numIgnore(), ij.numError()))
          .containsExactly(5, 0, 0);
      Map<String, ImportRecord> handed = byId(f.mem.handed.get("/customers"));
      assertThat(handed).hasSize(5);
      for (String id : List.of("r1", "r4")) {
        ImportRecord r = handed.get(id);
        assertThat(r.operation()).isEqualTo(ImportRecord.Operation.UPDATE);
        assertThat(r.lookups()).containsKey("customer");
        assertThat(r.record().has("created")).as("immutable left out on update").isFalse();
      }
      for (String id : List.of("r0", "r2", "r3")) {
        ImportRecord r = handed.get(id);
        assertThat(r.operation()).isEqualTo(ImportRecord.Operation.CREATE);
        assertThat(r.lookups()).doesNotContainKey("customer");
        assertThat(r.existingId()).isNull();
        assertThat(r.record().path("created").asText()).isEqualTo("2020");
      }
    }
  }

  @Test
  void resourceIdExtractGivesTheExistingIdAndRequestTypesPickTheEntry() {
    try (EngineFixture f = new EngineFixture(b -> {}, """
        {"name": "Mem", "type": "http",
         "http": {"baseURI": "https://mem.test", "mediaType": "json"}}""")) {
      f.source("/s", 4, (i, r) -> {
        r.put("created", "2020");
        if (i % 2 == 0) {
          r.putObject("dest").put("id", "D" + i);
        }
      });
      String e = f.integrator.exports().create("""
          {"name": "E", "_connectionId": "%s", "http": {"relativeURI": "/s"}}"""
          .formatted(f.connectionId)).id();
      String imp = f.integrator.imports().create("""
          {"name": "I", "_connectionId": "%s",
           "http": {"relativeURI": ["/items", "/items/{_resourceId}"], "method": ["POST", "PATCH"],
                    "requestType": ["CREATE", "UPDATE"], "resourceId": {"extract": "dest.id"}}, %s}"""
          .formatted(f.connectionId, MAPPING)).id();
      Job job = f.integrator.runFlow(f.simpleFlow(e, imp));
      Job ij = f.child(job, "import", imp);
      assertThat(ij.numSuccess()).isEqualTo(4);
      Map<String, ImportRecord> handed = byId(f.mem.handed.get("/items/{_resourceId}"));
      assertThat(handed.get("r0").existingId()).isEqualTo("D0");
      assertThat(handed.get("r0").operation()).isEqualTo(ImportRecord.Operation.UPDATE);
      assertThat(handed.get("r0").record().has("created")).isFalse();
      assertThat(handed.get("r1").existingId()).isNull();
      assertThat(handed.get("r1").operation()).isEqualTo(ImportRecord.Operation.CREATE);
      assertThat(handed.get("r1").record().path("created").asText()).isEqualTo("2020");
    }
  }

  @Test
  void existingLookupNameSelectsTheUpdateEntryAndGivesTheExistingId() {
    try (EngineFixture f = new EngineFixture(b -> {}, """
        {"name": "Mem", "type": "http",
         "http": {"baseURI": "https://mem.test", "mediaType": "json"}}""")) {
      f.source("/s", 3, (i, r) -> r.put("email", "c" + i + "@x.test"));
      f.mem.destination.put("/customers?email=c2@x.test", "cust-2");
      String e = f.integrator.exports().create("""
          {"name": "E", "_connectionId": "%s", "http": {"relativeURI": "/s"}}"""
          .formatted(f.connectionId)).id();
      String imp = f.integrator.imports().create("""
          {"name": "I", "_connectionId": "%s",
           "http": {"relativeURI": ["/customers", "/customers/{_resourceId}"],
                    "method": ["POST", "PUT"], "requestType": ["CREATE", "UPDATE"],
                    "existingLookupName": "customer", "lookups": [%s]}}"""
          .formatted(f.connectionId, CUSTOMER_LOOKUP)).id();
      Job job = f.integrator.runFlow(f.simpleFlow(e, imp));
      assertThat(f.child(job, "import", imp).numSuccess()).isEqualTo(3);
      Map<String, ImportRecord> handed = byId(f.mem.handed.get("/customers/{_resourceId}"));
      assertThat(handed.get("r2").operation()).isEqualTo(ImportRecord.Operation.UPDATE);
      assertThat(handed.get("r2").existingId()).isEqualTo("cust-2");
      assertThat(handed.get("r0").operation()).isEqualTo(ImportRecord.Operation.CREATE);
      assertThat(handed.get("r0").existingId()).isNull();
    }
  }

  @Test
  void existenceLookupsThatCannotAnswerOrFindSeveralFailTheRecordOnly() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 6, (i, r) -> r.put("email", "c" + i + "@x.test"));
      f.mem.destination.put("/customers?email=c1@x.test", "dupe");
      f.mem.destination.put("/customers?email=c2@x.test", "cust-2");
      String e = f.export("/s", "\"pageSize\": 3");
      String imp = f.integrator.imports().create("""
          {"name": "I", "_connectionId": "%s", "ignoreExisting": true,
           "rest": {"relativeURI": "/d", "method": "POST", "ignoreLookupName": "customer",
                    "lookups": [%s]}}"""
          .formatted(f.connectionId, CUSTOMER_LOOKUP)).id();
      // the second page's lookup call fails as a whole
      f.mem.destination.put("/customers?email=c4@x.test", "boom");
      Job job = f.integrator.runFlow(f.simpleFlow(e, imp));
      Job ij = f.child(job, "import", imp);
      // page 1: r0 created, r1 duplicate, r2 exists -> ignored; page 2: every record fails
      assertThat(List.of(ij.numSuccess(), ij.numIgnore(), ij.numError()))
          .containsExactly(1, 1, 4);
      assertThat(total(ij)).isEqualTo(job.numExport());
      List<JobError> errors = f.errors(ij.id());
      assertThat(errors).hasSize(4).allSatisfy(x -> {
        assertThat(x.source()).isEqualTo("lookup");
        assertThat(x.retryId()).isNotNull();
      });
      assertThat(errors).extracting(JobError::classification)
          .containsExactlyInAnyOrder("duplicate", "intermittent", "intermittent", "intermittent");
    }
  }

  @Test
  void aRequestPlaceholderLookupOutsideTheExistenceRoleFollowsTheOrdinaryRules() {
    try (EngineFixture f = new EngineFixture()) {
      f.source("/s", 3, (i, r) -> r.put("email", "c" + i + "@x.test"));
      f.mem.destination.put("/customers?email=c0@x.test", "cust-0");
      String e = f.export("/s", "");
      String imp = f.integrator.imports().create("""
          {"name": "I", "_connectionId": "%s",
           "rest": {"relativeURI": "/customers/{customer}/notes", "method": "POST",
                    "lookups": [%s]}}"""
          .formatted(f.connectionId, CUSTOMER_LOOKUP)).id();
      Job job = f.integrator.runFlow(f.simpleFlow(e, imp));
      Job ij = f.child(job, "import", imp);
      assertThat(List.of(ij.numSuccess(), ij.numIgnore(), ij.numError()))
          .containsExactly(1, 0, 2);
      assertThat(f.errors(ij.id())).extracting(JobError::classification)
          .containsOnly("missing");
      ImportRecord sent = f.mem.handed.get("/customers/{customer}/notes").get(0);
      assertThat(sent.lookups().get("customer").asText()).isEqualTo("cust-0");
      assertThat(sent.operation()).isEqualTo(ImportRecord.Operation.CREATE);
    }
  }

  @Test
  void invokeImportReportsIgnoredRecordsWithTheExistingId() {
    try (EngineFixture f = new EngineFixture()) {
      String imp = f.integrator.imports().create("""
          {"name": "I", "_connectionId": "%s", "ignoreExisting": true,
           "rest": {"relativeURI": "/d", "method": "POST", "resourceId": {"extract": "destId"}}}"""
          .formatted(f.connectionId)).id();
      List<SubmitResult> results = f.integrator.invokeImport(imp, List.of(
          EngineFixture.json("{\"id\": \"a\", \"destId\": \"D-a\"}"),
          EngineFixture.json("{\"id\": \"b\"}")));
      assertThat(results.get(0).ignored()).isTrue();
      assertThat(results.get(0).id()).isEqualTo("D-a");
      assertThat(results.get(0).toJson().path("ignored").asBoolean()).isTrue();
      assertThat(results.get(1).isSuccess()).isTrue();
    }
  }

  @Test
  void theEngineRefusesIgnoreFlagsWithoutAWayToCheckAndChecksNamingUnknownLookups() {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ExistencePlan.of(imp("""
        {"_id": "i1", "_connectionId": "c", "ignoreMissing": true,
         "rest": {"relativeURI": "/d", "method": "PUT"}}"""))))
        .isInstanceOf(FlowRunException.class)
        .hasMessageContaining("import 'i1' sets ignoreMissing but has no way to check")
        .hasMessageContaining("rest.ignoreExtract");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ExistencePlan.of(imp("""
        {"_id": "i1", "_connectionId": "c", "ignoreExisting": true,
         "rest": {"relativeURI": "/d", "ignoreLookupName": "nope",
                  "lookups": [{"name": "codes", "map": {"a": "b"}}]}}"""))))
        .isInstanceOf(FlowRunException.class)
        .hasMessageContaining("rest.ignoreLookupName names lookup 'nope'")
        .hasMessageContaining("defined: codes");
    // nothing about existing records: no step at all
    assertThat(ExistencePlan.of(imp("""
        {"_id": "i1", "_connectionId": "c", "rest": {"relativeURI": "/d/{id}", "method": "PUT"}}""")))
        .isNull();
  }

  private static io.integrator.model.Import imp(String json) {
    return io.integrator.model.Resources.of(io.integrator.model.Import.class, EngineFixture.json(json));
  }
}
