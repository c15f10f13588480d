package io.integrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.Job;
import io.integrator.model.ResourceJson;
import io.integrator.model.Resources;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

  @Test
  void showsPagesRecordsAndErrorsInPlaceAndEndsTheLine() {
    StringWriter text = new StringWriter();
    ObjectNode doc = ResourceJson.read(
        "{\"_id\":\"j1\",\"type\":\"flow\",\"status\":\"completed\",\"numExport\":250,\"numSuccess\":240,"
            + "\"numError\":7,\"numIgnore\":3,\"numPagesGenerated\":3,\"numPagesProcessed\":3}", "job");
    try (ProgressDisplay progress = ProgressDisplay.start("job j1", new PrintWriter(text))) {
      progress.update(Resources.of(Job.class, doc));
    }
    String shown = text.toString();
    assertThat(shown).startsWith("\r").endsWith(System.lineSeparator());
    assertThat(shown).contains("job j1", "100%", "3/3 pages", "records 250, ok 240, errors 7, ignored 3");
  }
}
