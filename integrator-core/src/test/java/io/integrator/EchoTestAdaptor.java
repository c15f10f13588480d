package io.integrator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Adaptor;
import io.integrator.spi.PingResult;
import java.util.Set;

/** An adaptor found through META-INF/services in the test classpath; pings succeed when the
 * connection names a {@code test.reachable} flag. */
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
}
