package io.integrator.webhook;

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
 * A destination in memory for webhook tests, serving {@code rest} connections: every import appends
 * the mapped records to {@link #received}. A record with {@code fail} is refused with 422. While
 * {@link #gate} is set, submits wait for it (and {@link #entered} counts down on each submit).
 */
final class SinkAdaptor implements Adaptor {
  final List<ObjectNode> received = new CopyOnWriteArrayList<>();
  volatile CountDownLatch gate;
  volatile CountDownLatch entered = new CountDownLatch(1);

  @Override
  public Set<String> connectionTypes() {
    return Set.of("rest");
  }

  /** When set, pings fail as refused credentials would. */
  volatile boolean refusePing;

  @Override
  public PingResult ping(ObjectNode connection) {
    return refusePing ? PingResult.failure("401", "credentials refused") : PingResult.success();
  }

  @Override
  public RecordWriter openWriter(ImportContext ctx) {
    return records -> {
      entered.countDown();
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
        if (r.has("fail")) {
          out.add(SubmitResult.failure(422, "422", "refused " + r.path("id").asText()));
        } else {
          received.add(r);
          out.add(SubmitResult.success("d-" + r.path("id").asText(), r));
        }
      }
      return out;
    };
  }
}
