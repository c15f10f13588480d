package io.integrator.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {

  @Test
  void theTourPrintsWhatTheJavadocPromises(@TempDir Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .containsPattern("connection [0-9a-f]{24}, token reads back as \\*{8}")
        .containsPattern("export e[0-9a-f]{7} pages of 100")
        .contains("refused: exports/(new): _connectionId: no connection with id nowhere is stored; create the connection first and use the _id it is given")
        .contains("mapped {\"name\":\"Ann Lee\",\"address\":{\"country\":\"GB\"}}")
        .doesNotContain("tok-123");
  }
}
