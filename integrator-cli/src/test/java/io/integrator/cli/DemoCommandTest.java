package io.integrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  @Test
  void loadsTheExampleProjectRunsItsFlowAndRetriesTheRejectedRecords(@TempDir Path dir) throws IOException {
    Path project = dir.resolve("project");
    copy(Path.of("../examples/project"), project);

    CliRun run = CliRun.of("demo", "--dir", project.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Validated 16 documents: 0 errors, 0 warnings")
        .containsPattern("exports\\s+shop-customers\\s+e[0-9a-f]{7}\\s+My Export")
        .contains("\"password\" : \"********\"")
        .doesNotContain("erp-demo-password")
        // 120 shop customers in 6 pages; 4 already in the ERP are updated; 5 have no zip code
        .containsPattern("Job [0-9a-f]+ \\(flow\\) completed")
        .contains("exported 120, succeeded 115, failed 5, ignored 0; pages 6 generated, 6 processed")
        .containsPattern("5 errors of job [0-9a-f]+")
        .contains("422")
        .containsPattern("Job [0-9a-f]+ \\(retry\\) completed")
        .contains("The ERP now holds 120 customers.");
    assertThat(run.out()).doesNotContain("shop-demo-token");
    assertThat(project.resolve(".integrator/state.mv.db")).exists();

    // A second run finds the resources stored and replaces them.
    assertThat(CliRun.of("demo", "--dir", project.toString()).exitCode()).isZero();
    // Secrets are encrypted at rest: the database file never holds them in clear text.
    String raw = new String(Files.readAllBytes(project.resolve(".integrator/state.mv.db")), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain("erp-demo-password").doesNotContain("demo-token-secret");
  }

  @Test
  void anInvalidProjectStopsBeforeTheStore(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("exports"));
    Files.writeString(dir.resolve("exports/x.json"), "{\"name\": \"x\", \"_connectionId\": \"nowhere\", \"rest\": {\"relativeURI\": \"/x\"}}");
    CliRun run = CliRun.of("demo", "--dir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("exports/x.json: _connectionId: no connection with id nowhere");
    assertThat(dir.resolve(".integrator")).doesNotExist();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (p.toString().contains(".integrator")) {
          continue;
        }
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
