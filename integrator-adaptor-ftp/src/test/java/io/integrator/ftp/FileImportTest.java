package io.integrator.ftp;

import static io.integrator.ftp.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.AggregateResult;
import io.integrator.spi.Classification;
import io.integrator.spi.ImportContext;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import io.integrator.testkit.FtpTestServer;
import io.integrator.testkit.SftpTestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File imports against the testkit's FTP and SFTP servers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileImportTest {
  private FtpTestServer ftp;
  private SftpTestServer sftp;

  @BeforeAll
  void start() {
    ftp = FtpTestServer.start();
    sftp = SftpTestServer.start();
  }

  @AfterAll
  void stop() {
    ftp.close();
    sftp.close();
  }

  private ObjectNode connection(String protocol) {
    return protocol.equals("ftp") ? Json.ftp(ftp) : Json.sftp(sftp);
  }

  private Path home(String protocol) {
    return protocol.equals("ftp") ? ftp.home() : sftp.home();
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp", "sftp"})
  void oneCsvFilePerRunIsUploadedInFinishUnderItsFinalName(String protocol) throws Exception {
    ImportContext ctx =
        new ImportContext(
            obj(
                """
                {"ftp": {"directoryPath": "/out/csv", "backupDirectoryPath": "/out/backup"},
                 "file": {"type": "csv", "fileName": "orders-{{timestamp}}.csv"}}"""),
            connection(protocol),
            false);
    try (RecordWriter w = new FtpAdaptor().openWriter(ctx)) {
      List<SubmitResult> first = w.submit(List.of(obj("{\"id\":1,\"name\":\"Ann, B\"}"), obj("{\"id\":2,\"name\":\"Bob\"}")));
      assertThat(first).allMatch(SubmitResult::isSuccess).hasSize(2);
      w.submit(List.of(obj("{\"id\":3,\"name\":\"say \\\"hi\\\"\",\"extra\":true}")));
      assertThat(Files.exists(home(protocol).resolve("out/csv"))).isFalse();
      List<AggregateResult> done = w.finish();
      assertThat(done).singleElement().satisfies(a -> {
        assertThat(a.success()).isTrue();
        assertThat(a.name()).matches("/out/csv/orders-\\d{8}T\\d{9}Z\\.csv");
      });
    }
    Path dir = home(protocol).resolve("out/csv");
    List<String> files = names(dir);
    assertThat(files).singleElement().satisfies(n -> assertThat(n).doesNotContain(":").endsWith(".csv"));
    assertThat(Files.readString(dir.resolve(files.get(0))))
        .isEqualTo("id,name\n1,\"Ann, B\"\n2,Bob\n3,\"say \"\"hi\"\"\"\n");
    assertThat(names(home(protocol).resolve("out/backup"))).isEqualTo(files);
  }

  @Test
  void onePerPageJsonAndRecordFieldsInTheName() throws Exception {
    ImportContext ctx =
        new ImportContext(
            obj(
                """
                {"ftp": {"directoryPath": "pages", "inProgressFileName": "{{fileName}}.tmp"},
                 "file": {"type": "json", "fileName": "batch-{{customer}}-{{sequence}}.json",
                          "aggregation": {"type": "page"}}}"""),
            Json.sftp(sftp),
            false);
    try (RecordWriter w = new FtpAdaptor().openWriter(ctx)) {
      assertThat(w.submit(List.of(obj("{\"customer\":\"acme\",\"n\":1}"), obj("{\"customer\":\"x\",\"n\":2}"))))
          .extracting(SubmitResult::id)
          .containsExactly("pages/batch-acme-1.json", "pages/batch-acme-1.json");
      w.submit(List.of(obj("{\"customer\":\"zen\",\"n\":3}")));
      assertThat(w.finish()).isEmpty();
    }
    Path dir = sftp.home().resolve("pages");
    assertThat(names(dir)).containsExactly("batch-acme-1.json", "batch-zen-2.json");
    assertThat(Json.MAPPER.readTree(dir.resolve("batch-acme-1.json").toFile()))
        .isEqualTo(Json.MAPPER.readTree("[{\"customer\":\"acme\",\"n\":1},{\"customer\":\"x\",\"n\":2}]"));
  }

  @Test
  void fixedWidthXmlGzipAndCsvOptions() throws Exception {
    write(
        """
        {"ftp": {"directoryPath": "fw"}, "file": {"type": "fixed-width", "fileName": "f.txt",
         "fixedWidth": {"columns": [{"name": "id", "start": 1, "length": 3},
                                    {"name": "name", "start": 4, "length": 5}]}}}""",
        obj("{\"id\":\"1\",\"name\":\"Annabel\"}"), obj("{\"id\":\"22\",\"name\":\"Bo\"}"));
    assertThat(Files.readString(ftp.home().resolve("fw/f.txt"))).isEqualTo("1  Annab\n22 Bo   \n");

    write(
        "{\"ftp\": {\"directoryPath\": \"xml\"}, \"file\": {\"type\": \"xml\", \"fileName\": \"r.xml\"}}",
        obj("{\"id\":1,\"tags\":[\"a\",\"b\"],\"addr\":{\"city\":\"Oslo & Co\"}}"));
    assertThat(Files.readString(ftp.home().resolve("xml/r.xml")))
        .contains("<records><record><id>1</id><tags>a</tags><tags>b</tags><addr><city>Oslo &amp; Co</city></addr></record></records>");

    write(
        """
        {"ftp": {"directoryPath": "gz"}, "file": {"type": "csv", "fileName": "t.csv.gz",
         "compressionFormat": "gzip",
         "csv": {"columnDelimiter": "|", "rowDelimiter": "\\r\\n", "includeHeader": false,
                 "wrapWithQuotes": true, "replaceNewlineWithSpace": true, "truncateLastRowDelimiter": true}}}""",
        obj("{\"a\":\"x\\ny\",\"b\":2}"), obj("{\"a\":\"z\",\"b\":3}"));
    byte[] gz = Files.readAllBytes(ftp.home().resolve("gz/t.csv.gz"));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("\"x y\"|\"2\"\r\n\"z\"|\"3\"");
    }
  }

  private void write(String importJson, ObjectNode... records) throws Exception {
    try (RecordWriter w = new FtpAdaptor().openWriter(new ImportContext(obj(importJson), Json.ftp(ftp), false))) {
      w.submit(List.of(records));
      assertThat(w.finish()).allMatch(AggregateResult::success);
    }
  }

  @Test
  void aFailedUploadIsAFailedAggregateAndNothingIsWrittenInTestMode() throws Exception {
    ImportContext test =
        new ImportContext(obj("{\"ftp\": {\"directoryPath\": \"virtual\"}, \"file\": {\"type\": \"csv\"}}"), Json.ftp(ftp), true);
    try (RecordWriter w = new FtpAdaptor().openWriter(test)) {
      w.submit(List.of(obj("{\"a\":1}")));
      assertThat(w.finish()).singleElement().satisfies(a -> assertThat(a.success()).isTrue());
    }
    assertThat(Files.exists(ftp.home().resolve("virtual"))).isFalse();

    FtpTestServer leaving = FtpTestServer.start();
    ObjectNode gone = Json.ftp(leaving);
    ImportContext ctx = new ImportContext(obj("{\"ftp\": {\"directoryPath\": \"x\"}, \"file\": {\"type\": \"csv\"}}"), gone, false);
    RecordWriter w = new FtpAdaptor().openWriter(ctx);
    w.submit(List.of(obj("{\"a\":1}")));
    leaving.close();
    assertThat(w.finish()).singleElement().satisfies(a -> {
      assertThat(a.success()).isFalse();
      assertThat(a.error().code()).isEqualTo("unreachable");
      assertThat(a.error().message()).contains("connection refused");
    });
    w.close();

    ImportContext perPage = new ImportContext(
        obj("{\"ftp\": {\"directoryPath\": \"x\"}, \"file\": {\"aggregation\": {\"type\": \"page\"}}}"), gone, false);
    try (RecordWriter p = new FtpAdaptor().openWriter(perPage)) {
      assertThatThrownBy(() -> p.submit(List.of(obj("{\"a\":1}"))))
          .isInstanceOfSatisfying(AdaptorException.class,
              e -> assertThat(e.classification()).isEqualTo(Classification.CONNECTION));
    }
  }
}
