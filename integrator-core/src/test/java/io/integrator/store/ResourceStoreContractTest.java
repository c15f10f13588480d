package io.integrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ResourceStore} must have; run against each implementation. */
abstract class ResourceStoreContractTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Pattern ID = Pattern.compile("[0-9a-f]{24}");
  static final Pattern EXPORT_API = Pattern.compile("e[0-9a-f]{7}");
  static final Pattern IMPORT_API = Pattern.compile("i[0-9a-f]{7}");
  static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

  /** Test locator: connection passwords and tokens, distributed bearer tokens. */
  static final SecretLocator SECRETS =
      (kind, doc) -> {
        List<JsonPointer> paths = new ArrayList<>();
        if (kind == ResourceKind.CONNECTION) {
          paths.add(JsonPointer.compile("/rest/password"));
          paths.add(JsonPointer.compile("/rest/bearerToken"));
        }
        if (kind == ResourceKind.EXPORT || kind == ResourceKind.DISTRIBUTED_EXPORT) {
          paths.add(JsonPointer.compile("/distributed/bearerToken"));
        }
        return paths;
      };

  ResourceStore store;

  /** Opens a fresh, empty store of the implementation under test. */
  abstract ResourceStore open(StoreOptions options);

  StoreOptions options() {
    return StoreOptions.defaults()
        .withSecretLocator(SECRETS)
        .withKeyProvider(SecretKeyProvider.of(new byte[32]));
  }

  @BeforeEach
  void openStore() {
    store = open(options());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  // ---- create

  @Test
  void createAssignsIdApiIdentifierAndLastModified() {
    ObjectNode export = store.create(ResourceKind.EXPORT, json("{'name':'Orders','pageSize':50}"));
    ObjectNode imp = store.create(ResourceKind.IMPORT, json("{'name':'Customers'}"));
    ObjectNode conn = store.create(ResourceKind.CONNECTION, json("{'type':'rest'}"));

    assertThat(export.get("_id").asText()).matches(ID);
    assertThat(export.get("apiIdentifier").asText()).matches(EXPORT_API);
    assertThat(export.get("lastModified").asText()).matches(TIMESTAMP);
    assertThat(export.get("name").asText()).isEqualTo("Orders");
    assertThat(export.get("pageSize").asInt()).isEqualTo(50);
    assertThat(imp.get("apiIdentifier").asText()).matches(IMPORT_API);
    assertThat(conn.get("_id").asText()).matches(ID);
    assertThat(conn.has("apiIdentifier")).isFalse();
    assertThat(conn.has("createdAt")).isFalse();
    assertThat(store.get(ResourceKind.EXPORT, export.get("_id").asText())).isEqualTo(export);
  }

  @Test
  void jobsJobErrorsAndRetriesGetCreatedAt() {
    for (ResourceKind kind : List.of(ResourceKind.JOB, ResourceKind.JOB_ERROR, ResourceKind.RETRY)) {
      ObjectNode doc = store.create(kind, json("{'type':'flow'}"));
      assertThat(doc.get("createdAt").asText()).as(kind.name()).matches(TIMESTAMP);
      assertThat(doc.has("apiIdentifier")).isFalse();
      assertThat(store.get(kind, doc.get("_id").asText())).isEqualTo(doc);
    }
  }

  @Test
  void createKeepsCallerIdAndRejectsTakenOne() {
    ObjectNode created = store.create(ResourceKind.FLOW, json("{'_id':'nightly-orders','name':'x'}"));
    assertThat(created.get("_id").asText()).isEqualTo("nightly-orders");
    // same id, other kind: fine
    store.create(ResourceKind.EXPORT, json("{'_id':'nightly-orders'}"));

    assertThatThrownBy(() -> store.create(ResourceKind.FLOW, json("{'_id':'nightly-orders'}")))
        .isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining("nightly-orders")
        .hasMessageContaining("Flow");
    assertThat(store.list(ResourceKind.FLOW)).hasSize(1);
  }

  @Test
  void createWithEmptyIdGeneratesOne() {
    ObjectNode created = store.create(ResourceKind.FLOW, json("{'_id':'','name':'x'}"));
    assertThat(created.get("_id").asText()).matches(ID);
  }

  @Test
  void createKeepsCallerApiIdentifierUnlessTaken() {
    ObjectNode export = store.create(ResourceKind.EXPORT, json("{'apiIdentifier':'e53ec313'}"));
    assertThat(export.get("apiIdentifier").asText()).isEqualTo("e53ec313");
    assertThatThrownBy(() -> store.create(ResourceKind.IMPORT, json("{'apiIdentifier':'e53ec313'}")))
        .isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining("apiIdentifier 'e53ec313'");
    assertThat(store.list(ResourceKind.IMPORT)).isEmpty();
  }

  @Test
  void createIgnoresCallerLastModified() {
    ObjectNode created = store.create(ResourceKind.FLOW, json("{'lastModified':'2001-01-01T00:00:00.000Z'}"));
    assertThat(created.get("lastModified").asText()).isNotEqualTo("2001-01-01T00:00:00.000Z").matches(TIMESTAMP);
  }

  @Test
  void createKeepsValidCallerCreatedAtAndRejectsInvalidOne() {
    ObjectNode job = store.create(ResourceKind.JOB, json("{'createdAt':'2017-10-24T00:55:49.1Z'}"));
    assertThat(job.get("createdAt").asText()).isEqualTo("2017-10-24T00:55:49.100Z");
    assertThatThrownBy(() -> store.create(ResourceKind.JOB, json("{'createdAt':'yesterday'}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("createdAt");
  }

  // ---- update

  @Test
  void updateReplacesTheDocumentAndKeepsStoreFields() {
    ObjectNode export = store.create(ResourceKind.EXPORT, json("{'name':'a','pageSize':20,'delta':{'dateField':'x'}}"));
    String id = export.get("_id").asText();

    ObjectNode updated = store.update(ResourceKind.EXPORT, id,
        json("{'_id':'other','apiIdentifier':'e0000000','name':'b','lastModified':'2001-01-01T00:00:00.000Z'}"));

    assertThat(updated.get("_id").asText()).isEqualTo(id);
    assertThat(updated.get("apiIdentifier")).isEqualTo(export.get("apiIdentifier"));
    assertThat(updated.get("name").asText()).isEqualTo("b");
    assertThat(updated.has("pageSize")).isFalse();
    assertThat(updated.has("delta")).isFalse();
    assertThat(updated.get("lastModified").asText()).matches(TIMESTAMP);
    assertThat(store.get(ResourceKind.EXPORT, id)).isEqualTo(updated);
    assertThat(store.find(ResourceKind.EXPORT, "other")).isEmpty();
  }

  @Test
  void updateKeepsCreatedAtOfAJob() {
    ObjectNode job = store.create(ResourceKind.JOB, json("{'status':'running'}"));
    ObjectNode updated = store.update(ResourceKind.JOB, job.get("_id").asText(),
        json("{'status':'completed','createdAt':'2001-01-01T00:00:00.000Z'}"));
    assertThat(updated.get("createdAt")).isEqualTo(job.get("createdAt"));
    assertThat(updated.get("status").asText()).isEqualTo("completed");
  }

  @Test
  void lastModifiedStrictlyIncreasesEvenWhenTheClockStandsStill() {
    store.close();
    Clock fixed = Clock.fixed(Instant.parse("2017-10-24T00:55:49.128Z"), ZoneOffset.UTC);
    store = open(options().withClock(fixed));
    ObjectNode flow = store.create(ResourceKind.FLOW, json("{}"));
    assertThat(flow.get("lastModified").asText()).isEqualTo("2017-10-24T00:55:49.128Z");
    ObjectNode once = store.update(ResourceKind.FLOW, flow.get("_id").asText(), json("{}"));
    ObjectNode twice = store.update(ResourceKind.FLOW, flow.get("_id").asText(), json("{}"));
    assertThat(once.get("lastModified").asText()).isEqualTo("2017-10-24T00:55:49.129Z");
    assertThat(twice.get("lastModified").asText()).isEqualTo("2017-10-24T00:55:49.130Z");
  }

  // ---- not found

  @Test
  void unknownIdsGiveTypedNotFound() {
    assertThatThrownBy(() -> store.update(ResourceKind.EXPORT, "abc", json("{}")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("Export 'abc' does not exist")
        .satisfies(e -> {
          ResourceNotFoundException nf = (ResourceNotFoundException) e;
          assertThat(nf.kind()).isEqualTo(ResourceKind.EXPORT);
          assertThat(nf.id()).isEqualTo("abc");
        });
    assertThatThrownBy(() -> store.get(ResourceKind.JOB_ERROR, "x"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("Job Error 'x' does not exist");
    assertThatThrownBy(() -> store.delete(ResourceKind.CONNECTION, "x"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("Connection 'x' does not exist");
    assertThat(store.find(ResourceKind.FLOW, "x")).isEmpty();
  }

  @Test
  void deleteRemovesTheDocument() {
    String id = store.create(ResourceKind.CONNECTION, json("{'type':'ftp'}")).get("_id").asText();
    store.delete(ResourceKind.CONNECTION, id);
    assertThat(store.find(ResourceKind.CONNECTION, id)).isEmpty();
    assertThatThrownBy(() -> store.delete(ResourceKind.CONNECTION, id)).isInstanceOf(ResourceNotFoundException.class);
  }

  // ---- apiIdentifier

  @Test
  void findByApiIdentifierReturnsKindAndDocument() {
    ObjectNode export = store.create(ResourceKind.EXPORT, json("{'name':'e'}"));
    ObjectNode imp = store.create(ResourceKind.IMPORT, json("{'name':'i'}"));

    ResourceStore.Lookup found = store.findByApiIdentifier(imp.get("apiIdentifier").asText()).orElseThrow();
    assertThat(found.kind()).isEqualTo(ResourceKind.IMPORT);
    assertThat(found.document()).isEqualTo(imp);
    assertThat(store.findByApiIdentifier(export.get("apiIdentifier").asText()).orElseThrow().kind())
        .isEqualTo(ResourceKind.EXPORT);
    assertThat(store.findByApiIdentifier("e0000000")).isEmpty();
    assertThat(store.findByApiIdentifier("")).isEmpty();

    store.delete(ResourceKind.IMPORT, imp.get("_id").asText());
    assertThat(store.findByApiIdentifier(imp.get("apiIdentifier").asText())).isEmpty();
  }

  @Test
  void apiIdentifierSurvivesUpdate() {
    ObjectNode export = store.create(ResourceKind.EXPORT, json("{}"));
    String api = export.get("apiIdentifier").asText();
    store.update(ResourceKind.EXPORT, export.get("_id").asText(), json("{'name':'renamed'}"));
    assertThat(store.findByApiIdentifier(api).orElseThrow().document().get("name").asText()).isEqualTo("renamed");
  }

  // ---- distributed

  @Test
  void distributedDocumentsShareTheParentIdAndDieWithIt() {
    String id = store.create(ResourceKind.IMPORT, json("{'distributed':true}")).get("_id").asText();
    assertThatThrownBy(() -> store.getDistributed(ResourceKind.IMPORT, id))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("Distributed Import '" + id + "' does not exist");

    ObjectNode put = store.putDistributed(ResourceKind.IMPORT, id, json("{'recordType':'salesorder','operation':'add'}"));
    assertThat(put.get("_id").asText()).isEqualTo(id);
    assertThat(put.get("lastModified").asText()).matches(TIMESTAMP);
    assertThat(store.getDistributed(ResourceKind.IMPORT, id)).isEqualTo(put);
    assertThat(store.getDistributed(ResourceKind.DISTRIBUTED_IMPORT, id)).isEqualTo(put);

    ObjectNode replaced = store.putDistributed(ResourceKind.IMPORT, id, json("{'recordType':'customer'}"));
    assertThat(replaced.has("operation")).isFalse();
    assertThat(store.list(ResourceKind.DISTRIBUTED_IMPORT)).containsExactly(replaced);

    store.delete(ResourceKind.IMPORT, id);
    assertThat(store.list(ResourceKind.DISTRIBUTED_IMPORT)).isEmpty();
    store.create(ResourceKind.IMPORT, json("{'_id':'" + id + "'}"));
    assertThatThrownBy(() -> store.getDistributed(ResourceKind.IMPORT, id)).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void putDistributedNeedsAnExistingParent() {
    assertThatThrownBy(() -> store.putDistributed(ResourceKind.EXPORT, "missing", json("{}")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("Export 'missing' does not exist");
    assertThat(store.list(ResourceKind.DISTRIBUTED_EXPORT)).isEmpty();
  }

  // ---- copies

  @Test
  void callersCannotMutateStoredState() {
    ObjectNode input = json("{'name':'a','list':[1]}");
    ObjectNode created = store.create(ResourceKind.FLOW, input);
    String id = created.get("_id").asText();
    input.put("name", "changed input");
    created.put("name", "changed result");
    store.get(ResourceKind.FLOW, id).put("name", "changed get");
    store.list(ResourceKind.FLOW).get(0).withArray("list").add(2);
    store.find(ResourceKind.FLOW, id).orElseThrow().remove("name");

    ObjectNode stored = store.get(ResourceKind.FLOW, id);
    assertThat(stored.get("name").asText()).isEqualTo("a");
    assertThat(stored.get("list")).hasSize(1);
    assertThat(input.has("_id")).isFalse();

    ObjectNode value = json("{'n':1}");
    store.putState("s", "k", value);
    value.put("n", 2);
    ((ObjectNode) store.getState("s", "k").orElseThrow()).put("n", 3);
    assertThat(store.getState("s", "k").orElseThrow().get("n").asInt()).isEqualTo(1);
  }

  @Test
  void listReturnsOneKindInCreationOrder() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(store.create(ResourceKind.CONNECTION, json("{'n':" + i + "}")).get("_id").asText());
    }
    store.create(ResourceKind.FLOW, json("{}"));
    assertThat(store.list(ResourceKind.CONNECTION)).extracting(d -> d.get("_id").asText()).containsExactlyElementsOf(ids);
    assertThat(store.list(ResourceKind.INTEGRATION)).isEmpty();
  }

  // ---- secrets

  @Test
  void maskOnUpdateKeepsTheStoredSecret() {
    ObjectNode conn = store.create(ResourceKind.CONNECTION, json("{'rest':{'password':'s3cret','user':'u'}}"));
    String id = conn.get("_id").asText();
    assertThat(conn.at("/rest/password").asText()).isEqualTo("s3cret");

    ObjectNode masked = store.update(ResourceKind.CONNECTION, id, json("{'rest':{'password':'********','user':'v'}}"));
    assertThat(masked.at("/rest/password").asText()).isEqualTo("s3cret");
    assertThat(store.get(ResourceKind.CONNECTION, id).at("/rest/password").asText()).isEqualTo("s3cret");
    assertThat(store.get(ResourceKind.CONNECTION, id).at("/rest/user").asText()).isEqualTo("v");

    store.update(ResourceKind.CONNECTION, id, json("{'rest':{'password':'*','bearerToken':'***'}}"));
    ObjectNode stored = store.get(ResourceKind.CONNECTION, id);
    assertThat(stored.at("/rest/password").asText()).isEqualTo("s3cret");
    // no stored token: the mask is stored as given
    assertThat(stored.at("/rest/bearerToken").asText()).isEqualTo("***");

    store.update(ResourceKind.CONNECTION, id, json("{'rest':{'password':'n3w'}}"));
    assertThat(store.get(ResourceKind.CONNECTION, id).at("/rest/password").asText()).isEqualTo("n3w");

    store.update(ResourceKind.CONNECTION, id, json("{'rest':{}}"));
    assertThat(store.get(ResourceKind.CONNECTION, id).at("/rest/password").isMissingNode()).isTrue();
  }

  @Test
  void maskOnPutDistributedKeepsTheStoredSecret() {
    String id = store.create(ResourceKind.EXPORT, json("{}")).get("_id").asText();
    store.putDistributed(ResourceKind.EXPORT, id, json("{'distributed':{'bearerToken':'tok'}}"));
    store.putDistributed(ResourceKind.EXPORT, id, json("{'distributed':{'bearerToken':'********'}}"));
    assertThat(store.getDistributed(ResourceKind.EXPORT, id).at("/distributed/bearerToken").asText()).isEqualTo("tok");
  }

  // ---- jobs

  private ObjectNode job(String fields) {
    return store.create(ResourceKind.JOB, json(fields));
  }

  @Test
  void listJobsFiltersAndOrdersNewestFirst() {
    ObjectNode parent = job("{'type':'flow','status':'completed','_flowId':'f1','_integrationId':'int1','createdAt':'2024-01-01T00:00:00.000Z'}");
    String parentId = parent.get("_id").asText();
    ObjectNode exportChild = job("{'type':'export','status':'completed','_flowId':'f1','_exportId':'e1','_flowJobId':'" + parentId
        + "','createdAt':'2024-01-01T00:00:01.000Z'}");
    ObjectNode importChild = job("{'type':'import','status':'failed','_flowId':'f1','_importId':'i1','_flowJobId':'" + parentId
        + "','createdAt':'2024-01-01T00:00:01.000Z'}");
    ObjectNode other = job("{'type':'flow','status':'running','_flowId':'f2','createdAt':'2024-02-01T00:00:00.000Z'}");

    assertThat(store.listJobs(JobQuery.all())).containsExactly(other, importChild, exportChild, parent);
    assertThat(store.listJobs(JobQuery.all().flowId("f1"))).containsExactly(importChild, exportChild, parent);
    assertThat(store.listJobs(JobQuery.all().flowJobId(parentId))).containsExactly(importChild, exportChild);
    assertThat(store.listJobs(JobQuery.all().exportId("e1"))).containsExactly(exportChild);
    assertThat(store.listJobs(JobQuery.all().importId("i1"))).containsExactly(importChild);
    assertThat(store.listJobs(JobQuery.all().integrationId("int1"))).containsExactly(parent);
    assertThat(store.listJobs(JobQuery.all().status("completed").type("flow"))).containsExactly(parent);
    assertThat(store.listJobs(JobQuery.all().type("flow"))).containsExactly(other, parent);
    assertThat(store.listJobs(JobQuery.all().limit(2))).containsExactly(other, importChild);
    assertThat(store.listJobs(JobQuery.all().flowId("nope"))).isEmpty();
    assertThat(store.listJobs(JobQuery.all().createdAtGte(Instant.parse("2024-01-01T00:00:01Z"))))
        .containsExactly(other, importChild, exportChild);
    assertThat(store.listJobs(JobQuery.all().createdAtLte(Instant.parse("2024-01-01T00:00:01Z"))))
        .containsExactly(importChild, exportChild, parent);
    assertThat(store.listJobs(JobQuery.all()
            .createdAtGte(Instant.parse("2024-01-01T00:00:00.001Z"))
            .createdAtLte(Instant.parse("2024-01-31T00:00:00Z"))
            .type("export")))
        .containsExactly(exportChild);

    // the status column follows updates
    String otherId = other.get("_id").asText();
    ObjectNode done = store.update(ResourceKind.JOB, otherId, json("{'type':'flow','status':'completed','_flowId':'f2'}"));
    assertThat(store.listJobs(JobQuery.all().status("running"))).isEmpty();
    assertThat(store.listJobs(JobQuery.all().status("completed").flowId("f2"))).containsExactly(done);
  }

  @Test
  void jobQueryRejectsBadLimits() {
    assertThatThrownBy(() -> JobQuery.all().limit(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobQuery.all().limit(JobQuery.MAX_LIMIT + 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.listJobs(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jobErrorsOfAJobAndResolution() {
    String jobId = job("{'type':'import'}").get("_id").asText();
    String otherJob = job("{'type':'import'}").get("_id").asText();
    ObjectNode e1 = store.create(ResourceKind.JOB_ERROR, json("{'_jobId':'" + jobId + "','code':'422','resolved':false}"));
    ObjectNode e2 = store.create(ResourceKind.JOB_ERROR, json("{'_jobId':'" + jobId + "','code':'500'}"));
    ObjectNode e3 = store.create(ResourceKind.JOB_ERROR, json("{'_jobId':'" + jobId + "','code':'x','resolve':'true'}"));
    store.create(ResourceKind.JOB_ERROR, json("{'_jobId':'" + otherJob + "','code':'y'}"));

    assertThat(store.listJobErrors(jobId, false, 1000)).containsExactly(e1, e2, e3);
    assertThat(store.listJobErrors(jobId, true, 1000)).containsExactly(e1, e2);
    assertThat(store.listJobErrors(jobId, false, 2)).containsExactly(e1, e2);
    assertThat(store.countJobErrors(jobId, false)).isEqualTo(3);
    assertThat(store.countJobErrors(jobId, true)).isEqualTo(2);

    ObjectNode resolved = e1.deepCopy().put("resolved", true);
    store.update(ResourceKind.JOB_ERROR, e1.get("_id").asText(), resolved);
    assertThat(store.listJobErrors(jobId, true, 1000)).extracting(d -> d.get("code").asText()).containsExactly("500");
    assertThat(store.countJobErrors(jobId, true)).isEqualTo(1);
    assertThatThrownBy(() -> store.listJobErrors(jobId, false, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deletingAJobDeletesItsErrors() {
    String jobId = job("{}").get("_id").asText();
    String otherJob = job("{}").get("_id").asText();
    String errorId = store.create(ResourceKind.JOB_ERROR, json("{'_jobId':'" + jobId + "'}")).get("_id").asText();
    store.create(ResourceKind.JOB_ERROR, json("{'_jobId':'" + otherJob + "'}"));

    store.delete(ResourceKind.JOB, jobId);
    assertThat(store.find(ResourceKind.JOB_ERROR, errorId)).isEmpty();
    assertThat(store.countJobErrors(jobId, false)).isZero();
    assertThat(store.countJobErrors(otherJob, false)).isEqualTo(1);
  }

  @Test
  void deletingAnExportDeletesItsExportStateScopeOnly() {
    String id = store.create(ResourceKind.EXPORT, json("{'name':'Files'}")).get("_id").asText();
    String other = store.create(ResourceKind.EXPORT, json("{'name':'Other'}")).get("_id").asText();
    String scope = ResourceStore.EXPORT_STATE_SCOPE_PREFIX + id;
    store.putState(scope, "in/a.csv", json("{'size':3}"));
    store.putState(scope, "in/b.csv", json("{'size':4}"));
    store.putState(ResourceStore.EXPORT_STATE_SCOPE_PREFIX + other, "in/a.csv", json("{'size':5}"));
    store.putState("delta:flow1", id, json("{'w':1}"));

    store.delete(ResourceKind.EXPORT, id);

    assertThat(store.stateKeys(scope)).isEmpty();
    assertThat(store.getState(scope, "in/a.csv")).isEmpty();
    assertThat(store.stateKeys(ResourceStore.EXPORT_STATE_SCOPE_PREFIX + other)).containsExactly("in/a.csv");
    assertThat(store.getState("delta:flow1", id)).isPresent();
  }

  // ---- run state

  @Test
  void runStatePutGetDeleteAndKeys() {
    String scope = "delta/flow1/export1";
    assertThat(store.getState(scope, "lastExportDateTime")).isEmpty();
    assertThat(store.stateKeys(scope)).isEmpty();

    store.putState(scope, "lastExportDateTime", MAPPER.getNodeFactory().textNode("2024-01-01T00:00:00.000Z"));
    store.putState(scope, "b", MAPPER.getNodeFactory().numberNode(7));
    store.putState(scope, "a", NullNode.getInstance());
    store.putState("other", "z", json("{'x':[1,2]}"));

    assertThat(store.getState(scope, "lastExportDateTime").orElseThrow().asText()).isEqualTo("2024-01-01T00:00:00.000Z");
    assertThat(store.getState(scope, "a").orElseThrow().isNull()).isTrue();
    assertThat(store.stateKeys(scope)).containsExactly("a", "b", "lastExportDateTime");
    assertThat(store.getState("other", "z").orElseThrow()).isEqualTo(json("{'x':[1,2]}"));

    store.putState(scope, "b", MAPPER.getNodeFactory().numberNode(8));
    assertThat(store.getState(scope, "b").orElseThrow().asInt()).isEqualTo(8);

    store.deleteState(scope, "b");
    store.deleteState(scope, "never-there");
    assertThat(store.getState(scope, "b")).isEmpty();
    assertThat(store.stateKeys(scope)).containsExactly("a", "lastExportDateTime");
    assertThat(store.stateKeys("other")).containsExactly("z");
  }

  @Test
  void runStateRejectsBadArguments() {
    assertThatThrownBy(() -> store.putState("", "k", NullNode.getInstance())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.putState("s", null, NullNode.getInstance())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.putState("s", "k", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.getState(null, "k")).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- invalid input

  @Test
  void invalidInputIsRejectedClearly() {
    assertThatThrownBy(() -> store.create(null, json("{}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind must not be null");
    assertThatThrownBy(() -> store.create(ResourceKind.FLOW, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Flow document must not be null");
    assertThatThrownBy(() -> store.create(ResourceKind.DISTRIBUTED_EXPORT, json("{}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("putDistributed");
    assertThatThrownBy(() -> store.update(ResourceKind.DISTRIBUTED_IMPORT, "x", json("{}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get(ResourceKind.FLOW, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.putDistributed(ResourceKind.FLOW, "x", json("{}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Only exports and imports");
    assertThatThrownBy(() -> store.create(ResourceKind.FLOW, json("{'_id':'" + "x".repeat(256) + "'}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 255");
  }

  @Test
  void closedStoreRefusesWork() {
    store.close();
    store.close(); // idempotent
    assertThatThrownBy(() -> store.create(ResourceKind.FLOW, json("{}")))
        .isInstanceOf(StoreException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> store.list(ResourceKind.FLOW)).isInstanceOf(StoreException.class);
  }

  // ---- concurrency

  @Test
  void concurrentCreatesGetUniqueIdsAndApiIdentifiers() throws Exception {
    int threads = 6;
    int perThread = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<ObjectNode>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          List<ObjectNode> made = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            made.add(store.create(i % 2 == 0 ? ResourceKind.EXPORT : ResourceKind.IMPORT, json("{}")));
          }
          return made;
        }));
      }
      Set<String> ids = new HashSet<>();
      Set<String> apis = new HashSet<>();
      for (Future<List<ObjectNode>> f : futures) {
        for (ObjectNode d : f.get()) {
          ids.add(d.get("_id").asText());
          apis.add(d.get("apiIdentifier").asText());
        }
      }
      assertThat(ids).hasSize(threads * perThread);
      assertThat(apis).hasSize(threads * perThread);
      assertThat(store.list(ResourceKind.EXPORT).size() + store.list(ResourceKind.IMPORT).size())
          .isEqualTo(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentCreatesWithTheSameCallerIdLetExactlyOneWin() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          try {
            store.create(ResourceKind.FLOW, json("{'_id':'same'}"));
            return true;
          } catch (ResourceConflictException e) {
            return false;
          }
        }));
      }
      int wins = 0;
      for (Future<Boolean> f : futures) {
        wins += f.get() ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
      assertThat(store.list(ResourceKind.FLOW)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentPutStateOnOneKeyKeepsOneOfTheValues() throws Exception {
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int n = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 20; i++) {
            store.putState("ledger", "k" + i, MAPPER.getNodeFactory().numberNode(n));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      assertThat(store.stateKeys("ledger")).hasSize(20);
      assertThat(store.getState("ledger", "k7").orElseThrow().asInt()).isBetween(0, threads - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- webhook queue

  @Test
  void webhookPayloadsQueuePerFlowInOrderUntilDequeued() {
    com.fasterxml.jackson.databind.node.ArrayNode first = MAPPER.createArrayNode();
    first.add(json("{'id':1}")).add(json("{'id':2}"));
    List<Long> seqs = store.enqueueWebhook("hook", List.of("f1", "f2"), first);
    assertThat(seqs).hasSize(2);
    assertThat(seqs.get(1)).isGreaterThan(seqs.get(0));
    first.removeAll(); // the store keeps its own copy
    com.fasterxml.jackson.databind.node.ArrayNode second = MAPPER.createArrayNode();
    second.add(json("{'id':3}"));
    long third = store.enqueueWebhook("hook", List.of("f1"), second).get(0);

    List<QueuedPayload> f1 = store.queuedWebhooks("f1", "hook", 0, Long.MAX_VALUE, 10);
    assertThat(f1).extracting(QueuedPayload::seq).containsExactly(seqs.get(0), third);
    assertThat(f1.get(0).records()).hasSize(2);
    assertThat(f1.get(0).records().get(1).get("id").asInt()).isEqualTo(2);
    assertThat(f1.get(0).flowId()).isEqualTo("f1");
    assertThat(f1.get(0).exportId()).isEqualTo("hook");
    assertThat(f1.get(0).receivedAt()).isNotNull();
    assertThat(store.queuedWebhooks("f1", "hook", seqs.get(0), Long.MAX_VALUE, 10))
        .extracting(QueuedPayload::seq).containsExactly(third);
    assertThat(store.queuedWebhooks("f1", "hook", 0, seqs.get(0), 10)).hasSize(1);
    assertThat(store.queuedWebhooks("f1", "hook", 0, Long.MAX_VALUE, 1)).hasSize(1);
    assertThat(store.queuedWebhooks("f1", "other", 0, Long.MAX_VALUE, 10)).isEmpty();
    assertThat(store.lastQueuedWebhook("f1")).isEqualTo(third);
    assertThat(store.lastQueuedWebhook("nothing")).isZero();
    assertThat(store.countQueuedWebhooks("f1")).isEqualTo(2);
    assertThat(store.webhookQueueFlows()).containsExactly("f1", "f2");

    store.dequeueWebhooks(List.of(seqs.get(0), seqs.get(1), 999_999L));
    assertThat(store.queuedWebhooks("f1", "hook", 0, Long.MAX_VALUE, 10))
        .extracting(QueuedPayload::seq).containsExactly(third);
    assertThat(store.webhookQueueFlows()).containsExactly("f1");
    assertThatThrownBy(() -> store.enqueueWebhook("hook", List.of(), second))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one flow");
  }
}
