package io.integrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.testkit.FtpTestServer;
import io.integrator.testkit.Paging;
import io.integrator.testkit.RestApiServer;
import io.integrator.testkit.SftpTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code integrator run} with file systems: an FTP CSV into a REST API, a REST API into SFTP JSON,
 * SFTP CSV files into FTP JSON files.
 */
class FileFlowsCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void ftpCsvIntoARestApiWithABadRowKeptAsAnError() throws IOException {
    try (FtpTestServer ftp = FtpTestServer.start();
        RestApiServer erp = RestApiServer.builder().collection("customers").start()) {
      StringBuilder csv = new StringBuilder("id,name,zip\n");
      for (int i = 1; i <= 30; i++) {
        csv.append(i).append(",c").append(i).append(',').append(10000 + i).append('\n');
        if (i == 12) {
          csv.append("13,\"broken,10013\n"); // an unterminated quote
        }
      }
      Path in = Files.createDirectories(ftp.home().resolve("outbound"));
      Files.writeString(in.resolve("customers-1.csv"), csv);
      write("connections/partner.json", "{\"type\": \"ftp\", \"ftp\": {\"hostURI\": \"" + ftp.host()
          + "\", \"port\": " + ftp.port() + ", \"username\": \"" + ftp.username() + "\", \"password\": \""
          + ftp.password() + "\"}}");
      write("connections/erp.json", "{\"type\": \"rest\", \"rest\": {\"baseURI\": \"" + erp.baseUri()
          + "\", \"mediaType\": \"json\"}}");
      write("exports/customers.json", "{\"name\": \"Customers file\", \"_connectionId\": \"partner\","
          + " \"pageSize\": 8, \"ftp\": {\"directoryPath\": \"/outbound\", \"fileNameEndsWith\": \".csv\","
          + " \"backupDirectoryPath\": \"/outbound/done\"}, \"file\": {\"type\": \"csv\"}}");
      write("imports/erp.json", "{\"name\": \"ERP\", \"_connectionId\": \"erp\","
          + " \"rest\": {\"relativeURI\": \"/customers\", \"method\": \"POST\"},"
          + " \"mapping\": {\"fields\": [{\"extract\": \"name\", \"generate\": \"name\"},"
          + " {\"extract\": \"zip\", \"generate\": \"zip\"}]}}");
      write("flows/sync.json", "{\"name\": \"Sync\", \"_exportId\": \"customers\", \"_importId\": \"erp\"}");

      CliRun run = CliRun.of("run", dir.toString(), "--flow", "sync", "--json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode job = JSON.readTree(run.out());
      assertThat(job.path("status").asText()).isEqualTo("completed");
      assertThat(erp.records("customers")).hasSizeGreaterThanOrEqualTo(12);
      JsonNode errors = JSON.readTree(CliRun.of("errors", dir.toString(), job.path("_id").asText(), "--json").out());
      assertThat(errors).isNotEmpty();
      assertThat(errors.get(0).path("message").asText()).contains("customers-1.csv");
    }
  }

  @Test
  void aRestApiIntoOneSftpJsonFilePerRun() throws IOException {
    List<ObjectNode> orders = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      orders.add(JSON.createObjectNode().put("id", i).put("total", i * 10));
    }
    try (SftpTestServer sftp = SftpTestServer.start();
        RestApiServer shop = RestApiServer.builder()
            .collection("orders", orders).paging("orders", Paging.nextUrl().withPageSize(10)).start()) {
      write("connections/shop.json", "{\"type\": \"rest\", \"rest\": {\"baseURI\": \"" + shop.baseUri()
          + "\", \"mediaType\": \"json\"}}");
      write("connections/warehouse.json", "{\"type\": \"ftp\", \"ftp\": {\"type\": \"sftp\", \"hostURI\": \""
          + sftp.host() + "\", \"port\": " + sftp.port() + ", \"username\": \"" + sftp.username()
          + "\", \"password\": \"" + sftp.password() + "\", \"hostKeyFingerprint\": \""
          + sftp.hostKeyFingerprint() + "\"}}");
      // the file keeps the source order only with preserveOrder (pages are processed concurrently)
      write("exports/orders.json", "{\"name\": \"Orders\", \"_connectionId\": \"shop\", \"pageSize\": 10,"
          + " \"preserveOrder\": true,"
          + " \"rest\": {\"relativeURI\": \"/orders\", \"resourcePath\": \"data\","
          + " \"paging\": {\"method\": \"url\", \"path\": \"next\"}}}");
      write("imports/warehouse.json", "{\"name\": \"Warehouse\", \"_connectionId\": \"warehouse\","
          + " \"ftp\": {\"directoryPath\": \"/inbound\"},"
          + " \"file\": {\"type\": \"json\", \"fileName\": \"orders-{{jobId}}.json\"},"
          + " \"mapping\": {\"fields\": [{\"extract\": \"id\", \"generate\": \"orderId\"},"
          + " {\"extract\": \"total\", \"generate\": \"amount\"}]}}");
      write("flows/ship.json", "{\"name\": \"Ship\", \"_exportId\": \"orders\", \"_importId\": \"warehouse\"}");

      CliRun run = CliRun.of("run", dir.toString(), "--flow", "ship", "--json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode job = JSON.readTree(run.out());
      assertThat(job.path("numSuccess").asInt()).isEqualTo(25);
      List<Path> files;
      try (Stream<Path> list = Files.list(sftp.home().resolve("inbound"))) {
        files = list.toList();
      }
      assertThat(files).hasSize(1);
      JsonNode written = JSON.readTree(files.get(0).toFile());
      assertThat(written).hasSize(25);
      assertThat(written.get(0).path("orderId").asInt()).isEqualTo(1);
    }
  }

  @Test
  void sftpCsvFilesIntoFtpJsonFilesWithAKeyAPinnedHostKeyAndParallelDownloads() throws IOException {
    try (SftpTestServer sftp = SftpTestServer.start();
        FtpTestServer ftp = FtpTestServer.start()) {
      String key = sftp.addKeyUser("partner", "open sesame");
      Path out = Files.createDirectories(sftp.home().resolve("out"));
      for (int f = 1; f <= 3; f++) {
        StringBuilder csv = new StringBuilder("sku;qty\n");
        for (int i = 1; i <= 4; i++) {
          csv.append("S").append(f).append(i).append(';').append(f * i).append('\n');
        }
        Files.writeString(out.resolve("stock-" + f + ".csv"), csv);
      }
      ObjectNode source = JSON.createObjectNode().put("type", "ftp");
      source.putObject("ftp").put("type", "sftp").put("hostURI", sftp.host()).put("port", sftp.port())
          .put("username", "partner").put("authKey", key).put("passphrase", "open sesame")
          .put("hostKeyFingerprint", sftp.hostKeyFingerprint()).put("concurrencyLevel", 2);
      write("connections/partner-sftp.json", source.toString());
      write("connections/erp-ftp.json", "{\"type\": \"ftp\", \"ftp\": {\"hostURI\": \"" + ftp.host()
          + "\", \"port\": " + ftp.port() + ", \"username\": \"" + ftp.username() + "\", \"password\": \""
          + ftp.password() + "\"}}");
      write("exports/stock.json", "{\"name\": \"Stock files\", \"_connectionId\": \"partner-sftp\","
          + " \"pageSize\": 5, \"ftp\": {\"directoryPath\": \"/out\", \"fileNameStartsWith\": \"stock-\","
          + " \"backupDirectoryPath\": \"/out/done\"},"
          + " \"file\": {\"type\": \"csv\", \"csv\": {\"columnDelimiter\": \";\"}}}");
      write("imports/stock-ftp.json", "{\"name\": \"Stock to ERP\", \"_connectionId\": \"erp-ftp\","
          + " \"ftp\": {\"directoryPath\": \"/in/stock\"},"
          + " \"file\": {\"type\": \"json\", \"fileName\": \"stock-{{jobId}}.json\"},"
          + " \"mapping\": {\"fields\": [{\"extract\": \"sku\", \"generate\": \"item\"},"
          + " {\"extract\": \"qty\", \"generate\": \"quantity\", \"dataType\": \"number\"}]}}");
      write("flows/stock.json", "{\"name\": \"Stock\", \"_exportId\": \"stock\", \"_importId\": \"stock-ftp\"}");

      CliRun run = CliRun.of("run", dir.toString(), "--flow", "stock", "--json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode job = JSON.readTree(run.out());
      assertThat(job.path("status").asText()).isEqualTo("completed");
      assertThat(job.path("numSuccess").asInt()).isEqualTo(12);
      List<Path> files;
      try (Stream<Path> list = Files.list(ftp.home().resolve("in/stock"))) {
        files = list.toList();
      }
      assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
          .startsWith("stock-").endsWith(".json"));
      List<String> items = new ArrayList<>();
      JSON.readTree(files.get(0).toFile()).forEach(r -> {
        assertThat(r.path("quantity").isNumber()).as(r.toString()).isTrue();
        items.add(r.path("item").asText() + "=" + r.path("quantity").asInt());
      });
      assertThat(items).hasSize(12).contains("S11=1", "S24=8", "S34=12");
      // the completed run moved the source files to the backup directory
      try (Stream<Path> list = Files.list(out.resolve("done"))) {
        assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
            .containsExactly("stock-1.csv", "stock-2.csv", "stock-3.csv");
      }
      // a second run finds nothing new
      JsonNode again = JSON.readTree(CliRun.of("run", dir.toString(), "--flow", "stock", "--json").out());
      assertThat(again.path("numExport").asInt()).isZero();
    }
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
