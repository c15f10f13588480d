package io.integrator.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.spi.Page;
import io.integrator.spi.PreSavePageHook;
import io.integrator.store.Stores;
import io.integrator.testkit.FtpTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ftp.concurrencyLevel}: parallel downloads on exports, parallel uploads on imports that
 * write one file per page. The testkit server holds each transfer briefly so that transfers the
 * adaptor runs in parallel overlap, and counts how many were in progress at once.
 */
class ConcurrencyTest {

  private static ObjectNode connection(FtpTestServer ftp, int concurrency) {
    ObjectNode c = Json.ftp(ftp);
    ((ObjectNode) c.get("ftp")).put("concurrencyLevel", concurrency);
    return c;
  }

  private static List<String> names(Path dir) throws java.io.IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void anExportDownloadsUpToConcurrencyLevelFilesAtOnceAndPagesKeepTheirFileNames()
      throws Exception {
    try (FtpTestServer ftp = FtpTestServer.start()) {
      Path in = Files.createDirectories(ftp.home().resolve("many"));
      for (int f = 1; f <= 6; f++) {
        StringBuilder csv = new StringBuilder("id,file\n");
        for (int r = 1; r <= 5; r++) {
          csv.append(f * 100 + r).append(",f").append(f).append('\n');
        }
        Files.writeString(in.resolve("f" + f + ".csv"), csv);
      }
      Files.writeString(in.resolve("f7.csv"), "id,file\n701,f7\n702,f7,extra\n703,f7\n");
      ftp.holdTransfers(Duration.ofMillis(300));

      List<Page> pages =
          Json.pages(
              Json.export(
                  connection(ftp, 3),
                  "{\"pageSize\": 2, \"ftp\": {\"directoryPath\": \"many\"}}"));

      assertThat(ftp.transfersStarted()).isEqualTo(7);
      assertThat(ftp.maxConcurrentTransfers()).isBetween(2, 3);
      List<String> seen = new ArrayList<>();
      for (Page p : pages) {
        assertThat(p.records().size()).isLessThanOrEqualTo(2);
        for (int i = 0; i < p.records().size(); i++) {
          ObjectNode r = p.records().get(i);
          // every record carries the name of the file it came from
          assertThat(p.fileNames().get(i)).isEqualTo(r.path("file").asText() + ".csv");
          seen.add(r.path("id").asText());
        }
      }
      assertThat(seen).hasSize(32).doesNotHaveDuplicates().contains("101", "605", "701", "703");
      assertThat(pages.stream().flatMap(p -> p.errors().stream()))
          .singleElement()
          .satisfies(e -> assertThat(e.message()).contains("f7.csv line 3"));
    }
  }

  @Test
  void aParallelExportCommitsEveryFileOnlyAfterTheCompletedRun() throws Exception {
    MemoryImportAdaptor mem = new MemoryImportAdaptor(true);
    List<Integer> pageSizes = new CopyOnWriteArrayList<>();
    List<Integer> filesAtPage = new CopyOnWriteArrayList<>();
    try (FtpTestServer ftp = FtpTestServer.start();
        Integrator integrator = Integrator.builder().store(Stores.inMemory()).adaptor(mem)
            .hook("count", (PreSavePageHook) req -> {
              pageSizes.add(req.data().size());
              try {
                filesAtPage.add(names(ftp.home().resolve("par")).size());
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
              return new PreSavePageHook.Response(req.data(), req.errors(), false);
            }).build()) {
      Path in = Files.createDirectories(ftp.home().resolve("par"));
      for (int f = 1; f <= 5; f++) {
        Files.writeString(in.resolve("p" + f + ".csv"), "id\n" + f + "1\n" + f + "2\n" + f + "3\n");
      }
      ftp.holdTransfers(Duration.ofMillis(100));
      String conn = integrator.connections().create(
          connection(ftp, 2).put("name", "Files").toString()).id();
      String mc = integrator.connections().create("""
          {"name": "Mem", "type": "rest", "rest": {"baseURI": "https://mem.test", "mediaType": "json"}}""").id();
      String imp = integrator.imports().create("""
          {"name": "Mem", "_connectionId": "%s", "rest": {"relativeURI": "/in", "method": "POST"},
           "mapping": {"fields": [{"extract": "id", "generate": "id"}]}}""".formatted(mc)).id();
      String exp = integrator.exports().create("""
          {"name": "Par", "_connectionId": "%s", "pageSize": 2, "ftp": {"directoryPath": "par"},
           "hooks": {"_preSavePageId": "count"}}""".formatted(conn)).id();

      Job job = integrator.runFlow(integrator.flows().create("""
          {"name": "par", "_exportId": "%s", "_importId": "%s"}""".formatted(exp, imp)).id());

      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numSuccess()).isEqualTo(15);
      assertThat(mem.received).extracting(r -> r.path("id").asText()).doesNotHaveDuplicates()
          .hasSize(15);
      assertThat(ftp.maxConcurrentTransfers()).isBetween(1, 2);
      // while pages were processed every file was still there; the completed run removed them
      assertThat(filesAtPage).isNotEmpty().allMatch(n -> n == 5);
      assertThat(names(in)).isEmpty();
    }
  }

  @Test
  void anImportWritingOneFilePerPageUploadsUpToConcurrencyLevelFilesAtOnce() throws Exception {
    MemoryImportAdaptor mem = new MemoryImportAdaptor(true);
    try (FtpTestServer source = FtpTestServer.start();
        FtpTestServer target = FtpTestServer.start();
        Integrator integrator = Integrator.builder().store(Stores.inMemory()).adaptor(mem)
            .build()) {
      Path in = Files.createDirectories(source.home().resolve("src"));
      StringBuilder csv = new StringBuilder("id,name\n");
      for (int i = 1; i <= 12; i++) {
        csv.append(i).append(",n").append(i).append('\n');
      }
      Files.writeString(in.resolve("all.csv"), csv);
      target.holdTransfers(Duration.ofMillis(300));
      String from = integrator.connections().create(
          Json.ftp(source).put("name", "Source").toString()).id();
      String to = integrator.connections().create(
          connection(target, 3).put("name", "Target").toString()).id();
      String exp = integrator.exports().create("""
          {"name": "Src", "_connectionId": "%s", "pageSize": 2, "ftp": {"directoryPath": "src"}}"""
          .formatted(from)).id();
      String imp = integrator.imports().create("""
          {"name": "Out", "_connectionId": "%s", "ftp": {"directoryPath": "/out"},
           "file": {"type": "json", "fileName": "part-{{sequence}}.json", "aggregation": {"type": "page"}},
           "mapping": {"fields": [{"extract": "id", "generate": "id"}]}}""".formatted(to)).id();

      Job job = integrator.runFlow(integrator.flows().create("""
          {"name": "pages", "_exportId": "%s", "_importId": "%s"}""".formatted(exp, imp)).id());

      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numSuccess()).isEqualTo(12);
      List<String> written = names(target.home().resolve("out"));
      assertThat(written).hasSize(6).allMatch(n -> n.startsWith("part-") && n.endsWith(".json"));
      List<String> ids = new ArrayList<>();
      for (String n : written) {
        Json.MAPPER.readTree(target.home().resolve("out").resolve(n).toFile())
            .forEach(r -> ids.add(r.path("id").asText()));
      }
      assertThat(ids).hasSize(12).doesNotHaveDuplicates();
      // a temp-name upload and a rename per file; uploads overlapped, never more than 3
      assertThat(target.maxConcurrentTransfers()).isBetween(2, 3);
    }
  }
}
