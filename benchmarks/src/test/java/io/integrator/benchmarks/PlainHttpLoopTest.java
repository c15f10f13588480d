package io.integrator.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hand-written reference leg moves every row to the sink, in batches of 1000. */
class PlainHttpLoopTest {
  @Test
  void everyRowReachesTheSinkAndIsCountedInItsAnswers() throws Exception {
    StringBuilder csv = new StringBuilder("id,name,amount,comment\n");
    for (int i = 0; i < 2_500; i++) {
      csv.append(i).append(",n").append(i).append(',').append(i / 100.0).append(",\"a, b\"\n");
    }
    try (BulkSink sink = new BulkSink()) {
      long results = new PlainHttpLoop(sink.baseUri())
          .run(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
      assertThat(results).isEqualTo(2_500);
      assertThat(sink.records()).isEqualTo(2_500);
    }
  }
}
