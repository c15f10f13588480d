package io.integrator.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrator.model.Connection;
import io.integrator.model.DistributedExport;
import io.integrator.model.DistributedImport;
import io.integrator.model.Export;
import io.integrator.model.Import;
import io.integrator.model.Resource;
import io.integrator.model.ResourceJson;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import io.integrator.validation.ValidationReport;
import io.integrator.validation.Validator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectDirectoryTest {
  private static final Validator V = Validator.builder().knownHookIds(id -> false).build();

  private static Path project(String name) {
    try {
      return Path.of(ProjectDirectoryTest.class.getResource("/projects/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void validProjectLoadsEveryDocumentWithIdsFromFileNames() {
    Project p = ProjectDirectory.load(project("valid"));
    assertThat(p.loadProblems()).isEmpty();
    assertThat(p.resources()).extracting(p::sourceOf)
        .containsExactly(
            "connections/netsuite.json",
            "connections/rest-api.json",
            "exports/delta-customer-export.json",
            "exports/my-export.json",
            "exports/realtime-item-export.json",
            "exports/delta-customer-export.distributed.json",
            "exports/realtime-item-export.distributed.json",
            "flows/legacy-customers.json",
            "flows/orders.json",
            "iclients/netsuite-client.json",
            "imports/netsuite-order-import.json",
            "imports/netsuite-ws-import.json",
            "imports/rest-import.json",
            "imports/netsuite-order-import.distributed.json",
            "integrations/orders-integration.json");

    Connection api = p.find(Connection.class, ResourceKind.CONNECTION, "rest-api").orElseThrow();
    assertThat(api.json().get("_id").textValue()).isEqualTo("rest-api");
    assertThat(api.concurrencyLevel()).isEqualTo(2);
    assertThat(p.find(ResourceKind.CONNECTION, "5587092ed78128000000000a")).isPresent();
    assertThat(p.find(ResourceKind.CONNECTION, "netsuite")).isEmpty();

    DistributedExport de =
        p.find(DistributedExport.class, ResourceKind.DISTRIBUTED_EXPORT, "realtime-item-export").orElseThrow();
    assertThat(de.type()).isEqualTo("realtime");
    assertThat(de.executionContext()).containsExactly("userinterface", "webservices", "webstore");
    DistributedImport di =
        p.find(DistributedImport.class, ResourceKind.DISTRIBUTED_IMPORT, "netsuite-order-import").orElseThrow();
    assertThat(di.operation()).isEqualTo("addupdate");
    assertThat(di.lookups()).hasSize(4);
  }

  @Test
  void validProjectValidatesWithOnlyHookWarnings() {
    ValidationReport report = ProjectDirectory.load(project("valid")).validate(V);
    assertThat(report.errors()).as(report.toString()).isEmpty();
    assertThat(report.warnings()).extracting(w -> w.source() + " " + w.path())
        .containsExactly(
            "exports/my-export.json hooks._preSavePageId",
            "imports/netsuite-ws-import.json hooks._preMapId",
            "imports/netsuite-ws-import.json hooks._postMapId",
            "imports/netsuite-ws-import.json hooks._postSubmitId",
            "imports/rest-import.json hooks._preMapId",
            "imports/rest-import.json hooks._postMapId",
            "imports/rest-import.json hooks._postSubmitId");
  }

  @Test
  void lookupByApiIdentifierAndCommentedFilesAreNormalized() {
    Project p = ProjectDirectory.load(project("valid"));
    Import rest = p.find(Import.class, ResourceKind.IMPORT, "rest-import").orElseThrow();
    assertThat(rest.json().at("/rest/method").toString()).isEqualTo("[\"PUT\",\"POST\"]");
    assertThat(rest.lookups()).hasSize(4);
    assertThat(p.findByApiIdentifier("nope")).isEmpty();
    Export realtime = p.find(Export.class, ResourceKind.EXPORT, "realtime-item-export").orElseThrow();
    assertThat(p.distributedOf(realtime)).get().extracting(Resource::kind).isEqualTo(ResourceKind.DISTRIBUTED_EXPORT);
    assertThat(p.distributedOf(rest)).isEmpty();
  }

  @Test
  void invalidProjectReportsEveryProblemAsOneLine() {
    ValidationReport report = ProjectDirectory.load(project("invalid")).validate(V);
    assertThat(report.lines())
        .containsExactly(
            "connections/broken.json: line 3, column 3: unexpected character '\"': expected a comma between fields (is one missing before it?)",
            "connections/empty.json: the file is empty; a resource document is a JSON object",
            "exports/notes.txt: warning: not a .json file; not loaded",
            "exports/orphan.distributed.json: no exports/orphan.json beside it; a distributed document belongs to its parent",
            "imports/x-duplicate.json: _id: orders is also the id of imports/orders.json; ids must be unique per kind",
            "scripts/: warning: unknown folder; resource folders are connections/, exports/, imports/, flows/, integrations/, connectors/, iclients/, jobs/, joberrors/, retries/; its files were not loaded",
            "stray.json: warning: a resource file must sit in a kind folder such as exports/; not loaded",
            "connections/api.json: rest.mediaType: must be one of json, urlencoded, xml, csv",
            "connections/api.json: ftp: a connection of type rest does not use an ftp section; remove it or change type",
            "exports/orders.json: pagesize: unknown field; did you mean pageSize? (known fields: _id, lastModified, createdAt, name, _connectionId, apiIdentifier, _integrationId, _connectorId, asynchronous, type, pageSize, preserveOrder, sampleData, test, delta, once, valueDelta, webhook, distributed, hooks, rest, http, ftp, file, netsuite)",
            "exports/orders.json: rest.method: must be one of GET, POST",
            "exports/orders.json: netsuite: an export reads from one system; keep either rest or netsuite",
            "exports/orders.json: netsuite: does not fit connection api, whose type is rest; use a rest section or another connection",
            "flows/mixed.json: _exportId: the simple form (_exportId, _importId) cannot be mixed with pageGenerators and pageProcessors; use pageGenerators and pageProcessors only",
            "flows/mixed.json: pageGenerators[0]._exportId: no export with id no-such-export in this project (a file exports/no-such-export.json or a document with that _id)",
            "imports/orders.json: mapping.fields[0]: hardCodedValue and extract cannot be used together; keep one of them",
            "imports/orders.json: mapping.fields[1].extract: [*] is allowed only inside mapping.lists; move this field into a list or pick one element (e.g. lines.0.sku)",
            "imports/orders.json: mapping.fields[2].lookupName: no lookup named customerLookup in this document (none are defined)",
            "imports/orders.json: _connectionId: no connection with id missing-conn in this project (a file connections/missing-conn.json or a document with that _id)");
    assertThat(report.isValid()).isFalse();
  }

  @Test
  void singleFilesTakeTheKindFromTheirFolderOrExplicitly(@TempDir Path dir) throws IOException {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    Path file = Files.writeString(exports.resolve("orders.json"), "{\"_connectionId\": \"c\", \"pageSize\": \"5\"}");
    Project p = ProjectDirectory.loadFile(file, null);
    assertThat(p.loadProblems()).isEmpty();
    Export e = (Export) p.resources().get(0);
    assertThat(e.id()).isEqualTo("orders");
    assertThat(e.pageSize()).isEqualTo(5);
    assertThat(p.sourceOf(e)).isEqualTo(file.toString());

    Path loose = Files.writeString(dir.resolve("thing.json"), "{\"type\": \"rest\"}");
    assertThat(ProjectDirectory.loadFile(loose, "connection").resources().get(0).kind())
        .isEqualTo(ResourceKind.CONNECTION);
    assertThat(ProjectDirectory.loadFile(loose, "distributed-export").resources().get(0).kind())
        .isEqualTo(ResourceKind.DISTRIBUTED_EXPORT);
    assertThat(ProjectDirectory.loadFile(loose, "exprt").loadProblems())
        .extracting(Object::toString)
        .containsExactly(
            loose + ": unknown kind \"exprt\"; use one of connection, export, import, flow, integration, connector, iclient, job, joberror, retry, distributed-export, distributed-import");
    assertThat(ProjectDirectory.loadFile(loose, null).loadProblems())
        .extracting(Object::toString)
        .containsExactly(
            loose + ": cannot tell the kind from the folder \"" + dir.getFileName()
                + "\"; put the file in a folder such as exports/ or give the kind (connection, export, import, flow, integration, connector, iclient, job, joberror, retry, distributed-export, distributed-import)");
  }

  @Test
  void distributedSingleFileIsTheDistributedKindOfItsFolder(@TempDir Path dir) throws IOException {
    Path imports = Files.createDirectories(dir.resolve("imports"));
    Path file = Files.writeString(imports.resolve("orders.distributed.json"),
        "{\"recordType\": \"salesorder\", \"hooks\": {\"postMapping\": {\"functionName\": \"f\"}}}");
    Resource r = ProjectDirectory.loadFile(file, null).resources().get(0);
    assertThat(r.kind()).isEqualTo(ResourceKind.DISTRIBUTED_IMPORT);
    assertThat(r.id()).isEqualTo("orders");
    assertThat(r.json().at("/hooks/postMap/function").textValue()).isEqualTo("f");
  }

  @Test
  void badFilesNeverStopTheRestFromLoading(@TempDir Path dir) throws IOException {
    Path flows = Files.createDirectories(dir.resolve("flows"));
    Files.writeString(flows.resolve("a.json"), "{\"pageGenerators\": [{\"_exportId\": \"x\"}],,}");
    Files.writeString(flows.resolve("b.json"), "[]");
    Files.writeString(flows.resolve("c.json"), "{\"name\": \"fine\"}");
    Files.createDirectories(dir.resolve(".integrator"));
    Files.writeString(dir.resolve(".integrator/state.json"), "garbage");
    Project p = ProjectDirectory.load(dir);
    assertThat(p.resources()).extracting(Resource::id).containsExactly("c");
    assertThat(p.loadProblems()).extracting(Object::toString)
        .containsExactly(
            "flows/a.json: line 1, column 41: unexpected character ',': expected a field name in double quotes",
            "flows/b.json: line 1: the document is a JSON array; a resource document is a JSON object ({ ... })");
  }

  @Test
  void loadedDocumentsWriteBackAndLoadEqual() {
    Project p = ProjectDirectory.load(project("valid"));
    for (Resource r : p.resources()) {
      Resource again = Resources.parse(r.kind(), ResourceJson.write(r.json()), p.sourceOf(r));
      assertThat(again).as(p.sourceOf(r)).isEqualTo(r);
    }
  }

  @Test
  void missingDirectoryIsAProblemNotAnException(@TempDir Path dir) {
    Project p = ProjectDirectory.load(dir.resolve("nope"));
    assertThat(p.resources()).isEmpty();
    assertThat(p.loadProblems()).extracting(Object::toString)
        .containsExactly(dir.resolve("nope") + ": not a directory; give a project directory");
    assertThat(List.of(p.root())).isNotEmpty();
  }
}
