package io.integrator.rest.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Adaptor;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ImportContext;
import io.integrator.spi.PingResult;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * An in-memory destination for the webhook tests, registered on the builder for {@code rest}
 * connections: imports append the mapped records to {@link #received}. While {@link #gate} is set,
 * submits wait for it.
 */
final class CollectingAdaptor implements Adaptor {
  final List<ObjectNode> received = new CopyOnWriteArrayList<>();
  volatile CountDownLatch gate;

  @Override
  public Set<String> connectionTypes() {
    return Set.of("rest");
  }

  @Override
  public PingResult ping(ObjectNode connection) {
    return PingResult.success();
  }

  @Override
  public RecordWriter openWriter(ImportContext ctx) {
    return records -> {
      CountDownLatch g = gate;
      if (g != null) {
        try {
          g.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AdaptorException("interrupted", "interrupted", Classification.INTERMITTENT);
        }
      }
      List<SubmitResult> out = new ArrayList<>();
      for (ObjectNode r : records) {
        received.add(r);
        out.add(SubmitResult.success(r.path("id").asText(), r));
      }
      return out;
    };
  }
}
