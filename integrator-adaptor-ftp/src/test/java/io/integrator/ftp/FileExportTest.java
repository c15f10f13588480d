package io.integrator.ftp;

import static io.integrator.ftp.Json.export;
import static io.integrator.ftp.Json.obj;
import static io.integrator.ftp.Json.pages;
import static io.integrator.ftp.Json.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.ExportContext;
import io.integrator.spi.Page;
import io.integrator.testkit.FtpTestServer;
import io.integrator.testkit.SftpTestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File exports against the testkit's FTP and SFTP servers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileExportTest {
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

  private Path dir(String protocol, String name) throws Exception {
    Path home = protocol.equals("ftp") ? ftp.home() : sftp.home();
    return Files.createDirectories(home.resolve(name));
  }

  private ObjectNode connection(String protocol) {
    return protocol.equals("ftp") ? Json.ftp(ftp) : Json.sftp(sftp);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp", "sftp"})
  void csvWithHeaderIsCutIntoPagesThatSpanFiles(String protocol) throws Exception {
    Path d = dir(protocol, "csv-pages");
    Files.writeString(d.resolve("a.csv"), "id,name\n1,Ann\n2,Bob\n3,Cy\n");
    Files.writeString(d.resolve("b.csv"), "id,name\r\n4,\"Di, Jr.\"\r\n5,\"E \"\"5\"\"\"\r\n");
    Files.writeString(d.resolve("skip.txt"), "not,csv\n");
    List<Page> pages =
        pages(
            export(
                connection(protocol),
                """
                {"pageSize": 2, "ftp": {"directoryPath": "/csv-pages", "fileNameEndsWith": ".csv"},
                 "file": {"type": "csv"}}"""));
    assertThat(pages).extracting(p -> p.records().size()).containsExactly(2, 2, 1);
    assertThat(records(pages))
        .extracting(r -> r.path("id").asText() + ":" + r.path("name").asText())
        .containsExactly("1:Ann", "2:Bob", "3:Cy", "4:Di, Jr.", "5:E \"5\"");
    assertThat(pages.get(1).fileNames()).containsExactly("a.csv", "b.csv");
  }

  @Test
  void csvOptionsDelimiterNoHeaderTrimAndRowsToSkip() throws Exception {
    Path d = dir("ftp", "csv-options");
    Files.writeString(d.resolve("x.csv"), "report of today\nmore junk\n a ; b \n c ;d\n");
    List<ObjectNode> records =
        records(
            pages(
                export(
                    Json.ftp(ftp),
                    """
                    {"ftp": {"directoryPath": "csv-options"},
                     "file": {"type": "csv", "csv": {"columnDelimiter": ";", "hasHeaderRow": false,
                              "trimSpaces": true, "rowsToSkip": 2}}}""")));
    assertThat(records).containsExactly(
        obj("{\"Column1\":\"a\",\"Column2\":\"b\"}"), obj("{\"Column1\":\"c\",\"Column2\":\"d\"}"));
  }

  @Test
  void keyColumnsGroupConsecutiveRows() throws Exception {
    Path d = dir("ftp", "csv-group");
    Files.writeString(
        d.resolve("o.csv"), "order,line,sku\n1,1,A\n1,2,B\n2,1,C\n1,1,D\n");
    List<ObjectNode> records =
        records(
            pages(
                export(
                    Json.ftp(ftp),
                    """
                    {"pageSize": 1, "ftp": {"directoryPath": "csv-group"},
                     "file": {"csv": {"keyColumns": ["order"]}}}""")));
    assertThat(records).hasSize(3);
    assertThat(records.get(0).path("order").asText()).isEqualTo("1");
    assertThat(records.get(0).path("rows")).hasSize(2);
    assertThat(records.get(0).path("rows").get(1).path("sku").asText()).isEqualTo("B");
    assertThat(records.get(1).path("rows")).hasSize(1);
    assertThat(records.get(2).path("rows").get(0).path("sku").asText()).isEqualTo("D");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp", "sftp"})
  void aMalformedRowIsAnErrorNamingFileAndLineAndTheRestGoesOn(String protocol) throws Exception {
    Path d = dir(protocol, "csv-bad");
    Files.writeString(d.resolve("bad.csv"), "id,name\n1,a\n2,b,extra\n3,c\n");
    List<Page> pages =
        pages(
            export(
                connection(protocol),
                "{\"ftp\": {\"directoryPath\": \"csv-bad\"}, \"file\": {\"type\": \"csv\"}}"));
    assertThat(records(pages)).extracting(r -> r.path("id").asText()).containsExactly("1", "3");
    List<ErrorItem> errors = pages.stream().flatMap(p -> p.errors().stream()).toList();
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("malformed_row");
      assertThat(e.message()).contains("bad.csv line 3").contains("3 values");
    });
  }

  @Test
  void brokenQuotingFailsThatFileOnlyAsAParseError() throws Exception {
    Path d = dir("ftp", "csv-broken");
    Files.writeString(d.resolve("a.csv"), "id,name\n1,\"open\n");
    Files.writeString(d.resolve("b.csv"), "id,name\n2,ok\n");
    List<Page> pages =
        pages(export(Json.ftp(ftp), "{\"ftp\": {\"directoryPath\": \"csv-broken\"}}"));
    assertThat(records(pages)).extracting(r -> r.path("id").asText()).containsExactly("2");
    assertThat(pages.stream().flatMap(p -> p.errors().stream()))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.code()).isEqualTo("parse");
          assertThat(e.message()).startsWith("a.csv cannot be read as csv");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp", "sftp"})
  void jsonArrayResourcePathAndJsonLines(String protocol) throws Exception {
    Path d = dir(protocol, "json");
    Files.writeString(d.resolve("1-array.json"), "[{\"id\":1},{\"id\":2}]");
    Files.writeString(d.resolve("2-lines.json"), "{\"id\":3}\n{\"id\":4}\n");
    Files.writeString(d.resolve("3-single.json"), "{\"id\":5,\"nested\":{\"a\":[1]}}");
    assertThat(
            records(
                pages(
                    export(
                        connection(protocol),
                        "{\"ftp\": {\"directoryPath\": \"json\"}, \"file\": {\"type\": \"json\"}}"))))
        .extracting(r -> r.path("id").asInt())
        .containsExactly(1, 2, 3, 4, 5);

    Path e = dir(protocol, "json-path");
    Files.writeString(
        e.resolve("p.json"),
        "{\"meta\":{\"skip\":[1,2]},\"data\":{\"items\":[{\"id\":\"a\"},7,{\"id\":\"b\"}]}}");
    List<Page> pages =
        pages(
            export(
                connection(protocol),
                """
                {"ftp": {"directoryPath": "json-path"},
                 "file": {"type": "json", "json": {"resourcePath": "$.data.items"}}}"""));
    assertThat(records(pages)).extracting(r -> r.path("id").asText()).containsExactly("a", "b");
    assertThat(pages.get(0).errors()).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("p.json line 1").contains("expected a JSON object"));
  }

  @Test
  void xmlRecordElementPath() throws Exception {
    Path d = dir("sftp", "xml");
    Files.writeString(
        d.resolve("o.xml"),
        """
        <?xml version="1.0"?>
        <orders><header>x</header>
          <order id="1"><name>Ann</name><line>a</line><line>b</line></order>
          <order id="2"><name>Bob</name></order>
        </orders>""");
    List<ObjectNode> records =
        records(
            pages(
                export(
                    Json.sftp(sftp),
                    """
                    {"ftp": {"directoryPath": "/xml"},
                     "file": {"type": "xml", "xml": {"resourcePath": "/orders/order"}}}""")));
    assertThat(records).containsExactly(
        obj("{\"id\":\"1\",\"name\":\"Ann\",\"line\":[\"a\",\"b\"]}"),
        obj("{\"id\":\"2\",\"name\":\"Bob\"}"));
  }

  @Test
  void fixedWidthColumns() throws Exception {
    Path d = dir("ftp", "fixed");
    Files.writeString(d.resolve("f.txt"), "0001Ann       NY\n\n0002Bob       CA\n0003\n");
    List<Page> pages =
        pages(
            export(
                Json.ftp(ftp),
                """
                {"ftp": {"directoryPath": "fixed"},
                 "file": {"type": "fixed-width", "fixedWidth": {"columns": [
                   {"name": "id", "start": 1, "length": 4},
                   {"name": "name", "start": 5, "length": 10},
                   {"name": "state", "start": 15, "length": 2}]}}}"""));
    assertThat(records(pages)).containsExactly(
        obj("{\"id\":\"0001\",\"name\":\"Ann\",\"state\":\"NY\"}"),
        obj("{\"id\":\"0002\",\"name\":\"Bob\",\"state\":\"CA\"}"));
    assertThat(pages.get(0).errors()).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("f.txt line 4"));
  }

  @Test
  void encodingGzipAndZip() throws Exception {
    Path d = dir("ftp", "compressed");
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("id,name\n1,Zoë\n".getBytes(Charset.forName("windows-1252")));
    }
    Files.write(d.resolve("a.csv.gz"), gz.toByteArray());
    List<ObjectNode> records =
        records(
            pages(
                export(
                    Json.ftp(ftp),
                    """
                    {"ftp": {"directoryPath": "compressed", "fileNameEndsWith": ".gz"},
                     "file": {"encoding": "win1252", "compressionFormat": "gzip"}}""")));
    assertThat(records).containsExactly(obj("{\"id\":\"1\",\"name\":\"Zoë\"}"));

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("one.csv"));
      out.write("id\n1\n2\n".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new ZipEntry("two.csv"));
      out.write("id\n3\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.write(d.resolve("b.zip"), zip.toByteArray());
    assertThat(
            records(
                pages(
                    export(
                        Json.ftp(ftp),
                        """
                        {"ftp": {"directoryPath": "compressed", "fileNameStartsWith": "b"},
                         "file": {"compressionFormat": "zip"}}"""))))
        .extracting(r -> r.path("id").asText())
        .containsExactly("1", "2", "3");

    // gzip declared, but the file is not gzip: that file fails as a parse error
    List<Page> wrong =
        pages(
            export(
                Json.ftp(ftp),
                """
                {"ftp": {"directoryPath": "compressed", "fileNameStartsWith": "b"},
                 "file": {"compressionFormat": "gzip"}}"""));
    assertThat(records(wrong)).isEmpty();
    assertThat(wrong.get(0).errors()).singleElement()
        .satisfies(e -> assertThat(e.code()).isEqualTo("parse"));
  }

  @Test
  void templatedDirectoryLimitAndMissingDirectory() throws Exception {
    Path d = dir("ftp", "tenant-42");
    Files.writeString(d.resolve("a.csv"), "id\n1\n2\n3\n");
    ExportContext ctx =
        new ExportContext(
            obj("{\"pageSize\": 10, \"ftp\": {\"directoryPath\": \"tenant-{{data.tenant}}\"}}"),
            Json.ftp(ftp),
            Optional.empty(),
            Optional.empty(),
            2,
            obj("{\"tenant\": 42}"),
            true,
            null);
    assertThat(records(pages(ctx))).hasSize(2);

    assertThatThrownBy(() -> pages(export(Json.ftp(ftp), "{\"ftp\": {\"directoryPath\": \"{{nope}}\"}}")))
        .isInstanceOf(AdaptorException.class)
        .hasMessageContaining("ftp.directoryPath: unknown placeholder {{nope}}");
  }

  @Test
  void wholeXmlDocumentAsOneRecordActiveModeAndUserDirectoryIsRoot() throws Exception {
    Path d = dir("ftp", "whole");
    Files.writeString(d.resolve("doc.xml"), "<order id=\"9\"><note>hi</note></order>");
    ObjectNode active = Json.ftp(ftp);
    ((ObjectNode) active.get("ftp")).put("usePassiveMode", false).put("userDirectoryIsRoot", true);
    assertThat(
            records(
                pages(
                    export(
                        active,
                        "{\"ftp\": {\"directoryPath\": \"/whole\"}, \"file\": {\"type\": \"xml\"}}"))))
        .containsExactly(obj("{\"id\":\"9\",\"note\":\"hi\"}"));

    Path s = dir("sftp", "rooted");
    Files.writeString(s.resolve("r.json"), "{\"data\": {\"other\": []}}");
    ObjectNode rooted = Json.sftp(sftp);
    ((ObjectNode) rooted.get("ftp")).put("userDirectoryIsRoot", true);
    // the path is not in the document: no records, no error
    List<Page> none =
        pages(
            export(
                rooted,
                """
                {"ftp": {"directoryPath": "/rooted"},
                 "file": {"type": "json", "json": {"resourcePath": "data.items"}}}"""));
    assertThat(none).isEmpty();
  }
}
