package io.integrator.ftp;

import static io.integrator.ftp.Json.export;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.PageReader;
import io.integrator.testkit.FtpTestServer;
import io.integrator.testkit.SftpTestServer;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How transport failures are classified. */
class FailureTest {

  private static void bigCsv(Path dir) throws Exception {
    Files.createDirectories(dir);
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("big.csv"))) {
      w.write("id,text\n");
      for (int i = 0; i < 200_000; i++) {
        w.write(i + ",some text to make the file a few megabytes long\n");
      }
    }
  }

  /** Reads pages until the reader fails; the server is gone after the first page. */
  private static AdaptorException readAfterServerStops(ObjectNode connection, Runnable drop)
      throws Exception {
    try (PageReader r =
        new FtpAdaptor()
            .openReader(export(connection, "{\"pageSize\": 10, \"ftp\": {\"directoryPath\": \"in\"}}"))) {
      assertThat(r.next()).isPresent();
      drop.run();
      while (true) {
        try {
          if (r.next().isEmpty()) {
            throw new AssertionError("the reader ended normally after the server stopped");
          }
        } catch (AdaptorException e) {
          return e;
        }
      }
    }
  }

  @Test
  void aDroppedFtpTransferIsIntermittent() throws Exception {
    try (FtpTestServer ftp = FtpTestServer.start()) {
      bigCsv(ftp.home().resolve("in"));
      AdaptorException e = readAfterServerStops(Json.ftp(ftp), ftp::dropConnections);
      assertThat(e.classification()).isEqualTo(Classification.INTERMITTENT);
      assertThat(e.getMessage()).contains("big.csv");
    }
  }

  @Test
  void aDroppedTransferDuringParallelDownloadsStopsThemAllAsIntermittent() throws Exception {
    try (FtpTestServer ftp = FtpTestServer.start()) {
      bigCsv(ftp.home().resolve("in"));
      java.nio.file.Files.copy(ftp.home().resolve("in/big.csv"), ftp.home().resolve("in/big2.csv"));
      java.nio.file.Files.copy(ftp.home().resolve("in/big.csv"), ftp.home().resolve("in/big3.csv"));
      ObjectNode parallel = Json.ftp(ftp);
      ((ObjectNode) parallel.get("ftp")).put("concurrencyLevel", 3);
      AdaptorException e = readAfterServerStops(parallel, ftp::dropConnections);
      assertThat(e.classification()).isEqualTo(Classification.INTERMITTENT);
      assertThat(e.getMessage()).contains("big");
    }
  }

  @Test
  void aDroppedSftpTransferIsIntermittent() throws Exception {
    try (SftpTestServer sftp = SftpTestServer.start()) {
      bigCsv(sftp.home().resolve("in"));
      AdaptorException e = readAfterServerStops(Json.sftp(sftp), sftp::dropConnections);
      assertThat(e.classification()).isEqualTo(Classification.INTERMITTENT);
      assertThat(e.getMessage()).contains("big.csv");
    }
  }

  @Test
  void anExportWhoseServerIsDownCannotBeOpened() throws Exception {
    FtpTestServer ftp = FtpTestServer.start();
    ObjectNode connection = Json.ftp(ftp);
    ftp.close();
    assertThatThrownBy(() -> new FtpAdaptor().openReader(export(connection, "{\"ftp\": {\"directoryPath\": \"in\"}}")))
        .isInstanceOfSatisfying(AdaptorException.class, e -> {
          assertThat(e.code()).isEqualTo("unreachable");
          assertThat(e.classification()).isEqualTo(Classification.CONNECTION);
        });
  }

  @Test
  void ftpRepliesAreClassifiedByCode() {
    assertThat(Failures.reply("uploading x", 452, "452 Insufficient storage").classification())
        .isEqualTo(Classification.INTERMITTENT);
    assertThat(Failures.reply("uploading x", 552, "552 Exceeded storage allocation").classification())
        .isEqualTo(Classification.INTERMITTENT);
    assertThat(Failures.reply("downloading x", 426, "426 Connection closed").classification())
        .isEqualTo(Classification.INTERMITTENT);
    AdaptorException missing = Failures.reply("downloading x", 550, "550 No such file");
    assertThat(missing.classification()).isEqualTo(Classification.VALUE);
    assertThat(missing.getMessage()).isEqualTo("downloading x failed: server replied 550 No such file");
  }

  @Test
  void aMissingDirectoryIsAValueErrorNamingIt() throws Exception {
    try (SftpTestServer sftp = SftpTestServer.start()) {
      assertThatThrownBy(() -> new FtpAdaptor().openReader(export(Json.sftp(sftp), "{\"ftp\": {\"directoryPath\": \"/nope\"}}")))
          .isInstanceOfSatisfying(AdaptorException.class, e -> {
            assertThat(e.classification()).isEqualTo(Classification.VALUE);
            assertThat(e.getMessage()).contains("listing /nope");
          });
    }
  }
}
