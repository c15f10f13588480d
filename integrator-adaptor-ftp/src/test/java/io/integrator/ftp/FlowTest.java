package io.integrator.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.spi.PostAggregateHook;
import io.integrator.spi.PreSavePageHook;
import io.integrator.store.Stores;
import io.integrator.testkit.FtpTestServer;
import io.integrator.testkit.SftpTestServer;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flows through {@link Integrator}: the FTP adaptor found by ServiceLoader, files on real servers. */
class FlowTest {

  private static String connection(Integrator integrator, FtpTestServer ftp) {
    return integrator.connections().create("""
        {"name": "Files", "type": "ftp",
         "ftp": {"hostURI": "ftp://%s", "port": %d, "username": "%s", "password": "%s"}}"""
        .formatted(ftp.host(), ftp.port(), ftp.username(), ftp.password())).id();
  }

  private static String memConnection(Integrator integrator) {
    return integrator.connections().create("""
        {"name": "Mem", "type": "rest", "rest": {"baseURI": "https://mem.test", "mediaType": "json"}}""").id();
  }

  private static String mappingImport(Integrator integrator, String connectionId) {
    return integrator.imports().create("""
        {"name": "Mem", "_connectionId": "%s", "rest": {"relativeURI": "/in", "method": "POST"},
         "mapping": {"fields": [{"extract": "id", "generate": "id"}, {"extract": "name", "generate": "name"}]}}"""
        .formatted(connectionId)).id();
  }

  @Test
  void ftpCsvToAnImportThroughTheEngine() throws Exception {
    MemoryImportAdaptor mem = new MemoryImportAdaptor(true);
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    PreSavePageHook names = req -> {
      for (int i = 0; i < req.data().size(); i++) {
        seen.add(req.data().get(i).path("id").asText() + "@" + req.fileNames().get(i));
      }
      return new PreSavePageHook.Response(req.data(), req.errors(), false);
    };
    try (FtpTestServer ftp = FtpTestServer.start();
        Integrator integrator = Integrator.builder().store(Stores.inMemory()).adaptor(mem)
            .hook("names", names).build()) {
      Path in = Files.createDirectories(ftp.home().resolve("in"));
      Files.writeString(in.resolve("a.csv"), "id,name\n1,Ann\n2,Bob\n3,Cy,extra\n");
      Files.writeString(in.resolve("b.csv"), "id,name\n4,Di\n");
      String exp = integrator.exports().create("""
          {"name": "Orders", "_connectionId": "%s", "pageSize": 2,
           "ftp": {"directoryPath": "/in", "fileNameEndsWith": ".csv"},
           "file": {"type": "csv", "csv": {"hasHeaderRow": true}},
           "hooks": {"_preSavePageId": "names"}}"""
          .formatted(connection(integrator, ftp))).id();
      String imp = mappingImport(integrator, memConnection(integrator));
      String flow = integrator.flows().create("""
          {"name": "FTP to mem", "_exportId": "%s", "_importId": "%s"}""".formatted(exp, imp)).id();

      Job job = integrator.runFlow(flow);

      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numExport()).isEqualTo(3);
      assertThat(job.numSuccess()).isEqualTo(3);
      assertThat(mem.received).extracting(r -> r.path("id").asText() + ":" + r.path("name").asText())
          .containsExactlyInAnyOrder("1:Ann", "2:Bob", "4:Di");
      // a page spans files; each record's file reaches preSavePage
      assertThat(seen).containsExactly("1@a.csv", "2@a.csv", "4@b.csv");
      // the completed run deletes both files: a.csv's good rows went through, its bad row is a
      // job error naming file and line, so reading it again would send 1 and 2 twice
      assertThat(names(in)).isEmpty();
      List<JobError> errors = integrator.jobErrors().list().stream()
          .filter(e -> e.json().path("code").asText().equals("malformed_row")).toList();
      assertThat(errors).singleElement()
          .satisfies(e -> assertThat(e.json().path("message").asText()).contains("a.csv line 4"));
    }
  }

  @Test
  void aFileWithAMalformedRowIsLedgeredSoItsGoodRowsAreNotSentTwice() throws Exception {
    MemoryImportAdaptor mem = new MemoryImportAdaptor(true);
    try (FtpTestServer ftp = FtpTestServer.start();
        Integrator integrator = Integrator.builder().store(Stores.inMemory()).adaptor(mem).build()) {
      Path in = Files.createDirectories(ftp.home().resolve("kept"));
      Files.writeString(in.resolve("a.csv"), "id,name\n1,Ann\n2,Bob,extra\n3,Cy\n");
      String exp = integrator.exports().create("""
          {"name": "Kept", "_connectionId": "%s", "ftp": {"directoryPath": "kept"},
           "file": {"type": "csv", "skipDelete": true}}""".formatted(connection(integrator, ftp))).id();
      String flow = integrator.flows().create("""
          {"name": "kept", "_exportId": "%s", "_importId": "%s"}"""
          .formatted(exp, mappingImport(integrator, memConnection(integrator)))).id();

      Job first = integrator.runFlow(flow);
      Job second = integrator.runFlow(flow);

      assertThat(first.status()).isEqualTo("completed");
      assertThat(first.numExport()).isEqualTo(2);
      assertThat(second.numExport()).isZero();
      assertThat(mem.received).extracting(r -> r.path("id").asText()).containsExactly("1", "3");
      assertThat(names(in)).containsExactly("a.csv");
    }
  }

  @Test
  void deletingAnExportDeletesItsProcessedFileLedger() throws Exception {
    MemoryImportAdaptor mem = new MemoryImportAdaptor(true);
    try (FtpTestServer ftp = FtpTestServer.start();
        Integrator integrator = Integrator.builder().store(Stores.inMemory()).adaptor(mem).build()) {
      Path in = Files.createDirectories(ftp.home().resolve("ledger"));
      Files.writeString(in.resolve("a.csv"), "id,name\n1,Ann\n");
      String conn = connection(integrator, ftp);
      String imp = mappingImport(integrator, memConnection(integrator));
      String export = """
          {"_id": "ledgered", "name": "L", "_connectionId": "%s", "ftp": {"directoryPath": "ledger"},
           "file": {"skipDelete": true}}""".formatted(conn);
      integrator.exports().create(export);
      String flow = """
          {"_id": "ledger-flow", "name": "ledger", "_exportId": "ledgered", "_importId": "%s"}"""
          .formatted(imp);
      integrator.flows().create(flow);
      assertThat(integrator.runFlow("ledger-flow").numExport()).isEqualTo(1);
      assertThat(integrator.runFlow("ledger-flow").numExport()).isZero();

      integrator.flows().delete("ledger-flow");
      integrator.exports().delete("ledgered");
      integrator.exports().create(export);
      integrator.flows().create(flow);

      // a new export under the same id starts without the old one's ledger
      assertThat(integrator.runFlow("ledger-flow").numExport()).isEqualTo(1);
    }
  }

  private static List<String> names(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void filesMoveToBackupOnlyAfterACompletedRunAndStayOtherwise() throws Exception {
    MemoryImportAdaptor mem = new MemoryImportAdaptor(true);
    PreSavePageHook failing = req -> {
      throw new IllegalStateException("hook refuses");
    };
    try (FtpTestServer ftp = FtpTestServer.start();
        Integrator integrator = Integrator.builder().store(Stores.inMemory()).adaptor(mem)
            .hook("failing", failing).build()) {
      Path in = Files.createDirectories(ftp.home().resolve("drop"));
      Files.writeString(in.resolve("x.csv"), "id,name\n1,A\n");
      Files.writeString(in.resolve("y.csv"), "id,name\n2,B\n");
      String conn = connection(integrator, ftp);
      String imp = mappingImport(integrator, memConnection(integrator));
      String failingExport = integrator.exports().create("""
          {"name": "F", "_connectionId": "%s", "ftp": {"directoryPath": "drop"},
           "hooks": {"_preSavePageId": "failing"}}""".formatted(conn)).id();
      Job failed = integrator.runFlow(integrator.flows().create("""
          {"name": "failing", "_exportId": "%s", "_importId": "%s"}""".formatted(failingExport, imp)).id());
      assertThat(failed.status()).isEqualTo("failed");
      assertThat(names(in)).containsExactly("x.csv", "y.csv");

      String testExport = integrator.exports().create("""
          {"name": "T", "_connectionId": "%s", "type": "test", "test": {"limit": 5},
           "ftp": {"directoryPath": "drop"}}""".formatted(conn)).id();
      Job tested = integrator.runFlow(integrator.flows().create("""
          {"name": "test", "_exportId": "%s", "_importId": "%s"}""".formatted(testExport, imp)).id());
      assertThat(tested.status()).isEqualTo("completed");
      assertThat(names(in)).containsExactly("x.csv", "y.csv");

      String keep = integrator.exports().create("""
          {"name": "K", "_connectionId": "%s", "ftp": {"directoryPath": "drop"},
           "file": {"skipDelete": true}}""".formatted(conn)).id();
      String keepFlow = integrator.flows().create("""
          {"name": "keep", "_exportId": "%s", "_importId": "%s"}""".formatted(keep, imp)).id();
      Job kept = integrator.runFlow(keepFlow);
      assertThat(kept.status()).isEqualTo("completed");
      assertThat(kept.numExport()).isEqualTo(2);
      assertThat(names(in)).containsExactly("x.csv", "y.csv");
      // the ledger (name, size, mtime) keeps the next run from reading them again ...
      assertThat(integrator.runFlow(keepFlow).numExport()).isZero();
      // ... until a file changes
      Files.writeString(in.resolve("y.csv"), "id,name\n2,B\n3,C\n");
      Files.setLastModifiedTime(in.resolve("y.csv"),
          java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2030-01-01T00:00:00Z")));
      assertThat(integrator.runFlow(keepFlow).numExport()).isEqualTo(2);

      String backupOk = integrator.exports().create("""
          {"name": "B2", "_connectionId": "%s",
           "ftp": {"directoryPath": "/drop", "backupDirectoryPath": "/done/orders"}}""".formatted(conn)).id();
      Job moved = integrator.runFlow(integrator.flows().create("""
          {"name": "move", "_exportId": "%s", "_importId": "%s"}""".formatted(backupOk, imp)).id());
      assertThat(moved.status()).isEqualTo("completed");
      assertThat(names(in)).isEmpty();
      assertThat(names(ftp.home().resolve("done/orders"))).containsExactly("x.csv", "y.csv");
    }
  }

  @Test
  void sftpCsvToAnFtpJsonFileWithPostAggregate() throws Exception {
    List<String> aggregates = new java.util.concurrent.CopyOnWriteArrayList<>();
    PostAggregateHook seen = req -> aggregates.add(req.postAggregateData().toString());
    try (SftpTestServer sftp = SftpTestServer.start();
        FtpTestServer ftp = FtpTestServer.start();
        Integrator integrator = Integrator.builder().store(Stores.inMemory())
            .hook("seen", seen).build()) {
      Path in = Files.createDirectories(sftp.home().resolve("out"));
      Files.writeString(in.resolve("a.csv"), "id,name\n1,Ann\n2,Bob\n3,Cy\n");
      String source = integrator.connections().create("""
          {"name": "Source", "type": "sftp",
           "ftp": {"hostURI": "%s", "port": %d, "username": "%s", "password": "%s",
                   "hostKeyFingerprint": "%s"}}"""
          .formatted(sftp.host(), sftp.port(), sftp.username(), sftp.password(),
              sftp.hostKeyFingerprint())).id();
      String exp = integrator.exports().create("""
          {"name": "From SFTP", "_connectionId": "%s", "pageSize": 2, "preserveOrder": true,
           "ftp": {"directoryPath": "/out"}, "file": {"type": "csv"}}""".formatted(source)).id();
      String imp = integrator.imports().create("""
          {"name": "To FTP", "_connectionId": "%s",
           "ftp": {"directoryPath": "/in/orders", "inProgressFileName": "{{fileName}}.part"},
           "file": {"type": "json", "fileName": "orders-{{jobId}}.json"},
           "hooks": {"_postAggregateId": "seen"},
           "mapping": {"fields": [{"extract": "id", "generate": "orderId"},
                                  {"extract": "name", "generate": "customer"}]}}"""
          .formatted(connection(integrator, ftp))).id();
      Job job = integrator.runFlow(integrator.flows().create("""
          {"name": "sftp to ftp", "_exportId": "%s", "_importId": "%s"}""".formatted(exp, imp)).id());

      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numSuccess()).isEqualTo(3);
      Path out = ftp.home().resolve("in/orders");
      List<String> written = names(out);
      String importJobId = integrator.jobs().list().stream()
          .filter(j -> job.id().equals(j.flowJobId()) && "import".equals(j.type()))
          .findFirst().orElseThrow().id();
      assertThat(written).containsExactly("orders-" + importJobId + ".json");
      assertThat(Json.MAPPER.readTree(out.resolve(written.get(0)).toFile()))
          .isEqualTo(Json.MAPPER.readTree("""
              [{"orderId":"1","customer":"Ann"},{"orderId":"2","customer":"Bob"},
               {"orderId":"3","customer":"Cy"}]"""));
      assertThat(aggregates).singleElement().satisfies(a -> assertThat(a)
          .contains("\"success\":true").contains("/in/orders/" + written.get(0)));
      // the source file was deleted after the completed run
      assertThat(names(in)).isEmpty();
    }
  }

  @Test
  void aMultiMegabyteCsvStreamsThroughSmallPages() throws Exception {
    int rows = 60_000;
    MemoryImportAdaptor mem = new MemoryImportAdaptor(false);
    try (SftpTestServer sftp = SftpTestServer.start();
        Integrator integrator = Integrator.builder().store(Stores.inMemory()).adaptor(mem).build()) {
      Path in = Files.createDirectories(sftp.home().resolve("big"));
      try (BufferedWriter w = Files.newBufferedWriter(in.resolve("big.csv"))) {
        w.write("id,name,comment\n");
        for (int i = 0; i < rows; i++) {
          w.write(i + ",name " + i + ",\"a comment, with a comma and some padding text\"\n");
        }
      }
      assertThat(Files.size(in.resolve("big.csv"))).isGreaterThan(3_000_000);
      String conn = integrator.connections().create("""
          {"name": "Files", "type": "sftp",
           "ftp": {"hostURI": "%s", "port": %d, "username": "%s", "password": "%s",
                   "hostKeyFingerprint": "%s"}}"""
          .formatted(sftp.host(), sftp.port(), sftp.username(), sftp.password(),
              sftp.hostKeyFingerprint())).id();
      String exp = integrator.exports().create("""
          {"name": "Big", "_connectionId": "%s", "pageSize": 500,
           "ftp": {"directoryPath": "big"}, "file": {"type": "csv"}}""".formatted(conn)).id();
      String imp = mappingImport(integrator, memConnection(integrator));
      String flow = integrator.flows().create("""
          {"name": "big", "_exportId": "%s", "_importId": "%s"}""".formatted(exp, imp)).id();

      Job job = integrator.runFlow(flow);

      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numExport()).isEqualTo(rows);
      assertThat(job.numPagesGenerated()).isEqualTo(rows / 500);
      assertThat(job.numSuccess()).isEqualTo(rows);
      assertThat(mem.count.get()).isEqualTo(rows);
    }
  }
}
