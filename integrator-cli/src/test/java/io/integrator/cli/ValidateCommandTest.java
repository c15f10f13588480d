package io.integrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final Path EXAMPLE = Path.of("../examples/project");

  @Test
  void theExampleProjectIsValid() {
    CliRun run = CliRun.of("validate", EXAMPLE.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("16 documents checked: 0 errors, 0 warnings");
  }

  @Test
  void everyProblemIsPrintedOnItsOwnLineAndTheExitCodeIsOne(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("connections"));
    Files.createDirectories(dir.resolve("exports"));
    Files.writeString(
        dir.resolve("connections/api.json"),
        "{\"type\": \"rest\", \"rest\": {\"baseURI\": \"http://127.0.0.1:1\", \"mediaType\": \"json\"}}");
    Files.writeString(
        dir.resolve("exports/my-export.json"),
        """
        {
          "name": "My Export",
          "_connectionId": "api",
          "rest": {"relativeURI": "/customers", "method": "PUT"},
          "pageSize": 0,
          "hooks": {"_preSavePageId": "stampPages"}
        }
        """);
    Files.writeString(dir.resolve("exports/broken.json"), "{\n  \"name\": \"x\"\n  \"pageSize\": 1\n}");

    CliRun run = CliRun.of("validate", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines())
        .contains(
            "exports/my-export.json: rest.method: must be one of GET, POST",
            "exports/broken.json: line 3, column 3: unexpected character '\"': expected a comma"
                + " between fields (is one missing before it?)")
        .anySatisfy(line -> assertThat(line).startsWith("exports/my-export.json: pageSize: "))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("exports/my-export.json: warning: hooks._preSavePageId: unknown hook id stampPages"));
    assertThat(run.err()).contains("errors").doesNotContain("Exception");
  }

  @Test
  void aFileInsideAProjectResolvesItsReferencesAgainstTheProject() {
    CliRun run = CliRun.of("validate", EXAMPLE.resolve("imports/netsuite-orders.json").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("1 document checked: 0 errors");
  }

  @Test
  void aLoneFileNeedsItsKind(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("thing.json");
    Files.writeString(file, "{\"name\": \"c\", \"type\": \"rest\", \"rest\": {\"baseURI\": \"http://x\", \"mediaType\": \"json\"}}");

    CliRun withoutKind = CliRun.of("validate", file.toString());
    assertThat(withoutKind.exitCode()).isEqualTo(1);
    assertThat(withoutKind.out()).contains("cannot tell the kind from the folder");

    CliRun withKind = CliRun.of("validate", "--kind", "connection", file.toString());
    assertThat(withKind.exitCode()).isZero();

    CliRun unknownKind = CliRun.of("validate", "--kind", "widget", file.toString());
    assertThat(unknownKind.exitCode()).isEqualTo(1);
    assertThat(unknownKind.out()).contains("unknown kind \"widget\"");
  }

  @Test
  void anEmptyFileIsOneClearLine(@TempDir Path dir) throws IOException {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    Files.writeString(exports.resolve("empty.json"), "");
    CliRun run = CliRun.of("validate", dir.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().strip())
        .isEqualTo("exports/empty.json: the file is empty; a resource document is a JSON object");
  }

  @Test
  void usageErrorsExitWithTwo() {
    CliRun missing = CliRun.of("validate", "does/not/exist");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo("integrator: does/not/exist: no such file or directory");

    CliRun noArgs = CliRun.of("validate");
    assertThat(noArgs.exitCode()).isEqualTo(2);
    assertThat(noArgs.err()).contains("Missing required parameter").contains("--help");

    CliRun unknown = CliRun.of("frobnicate");
    assertThat(unknown.exitCode()).isEqualTo(2);
  }
}
