package io.integrator.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.model.JobError;
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
    try (FtpTestServer ftp = FtpTestServer.start();
        Integrator integrator = Integrator.builder().store(Stores.inMemory()).adaptor(mem).build()) {
      Path in = Files.createDirectories(ftp.home().resolve("in"));
      Files.writeString(in.resolve("a.csv"), "id,name\n1,Ann\n2,Bob\n3,Cy,extra\n");
      Files.writeString(in.resolve("b.csv"), "id,name\n4,Di\n");
      String exp = integrator.exports().create("""
          {"name": "Orders", "_connectionId": "%s", "pageSize": 2,
           "ftp": {"directoryPath": "/in", "fileNameEndsWith": ".csv"},
           "file": {"type": "csv", "csv": {"hasHeaderRow": true}}}"""
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
      List<JobError> errors = integrator.jobErrors().list().stream()
          .filter(e -> e.json().path("code").asText().equals("malformed_row")).toList();
      assertThat(errors).singleElement()
          .satisfies(e -> assertThat(e.json().path("message").asText()).contains("a.csv line 4"));
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
