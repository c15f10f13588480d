package io.integrator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Adaptor;
import io.integrator.spi.ImportContext;
import io.integrator.spi.PingResult;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.util.Set;

/**
 * An adaptor found through META-INF/services in the test classpath; pings succeed when the
 * connection names a {@code test.reachable} flag. Its writer echoes each record back as the
 * destination's {@code _json}; it has no exports, so the SPI's defaults refuse them.
 */
public final class EchoTestAdaptor implements Adaptor {
  @Override
  public Set<String> connectionTypes() {
    return Set.of("echo-test");
  }

  @Override
  public PingResult ping(ObjectNode connection) {
    return connection.path("test").path("reachable").asBoolean()
        ? PingResult.success()
        : PingResult.failure("unreachable", "test.reachable is not true");
  }

  @Override
  public RecordWriter openWriter(ImportContext context) {
    return records ->
        records.stream().map(r -> SubmitResult.success(r.path("id").asText(null), r)).toList();
  }
}
