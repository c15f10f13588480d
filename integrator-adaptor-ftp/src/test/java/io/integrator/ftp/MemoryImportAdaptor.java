package io.integrator.ftp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Adaptor;
import io.integrator.spi.ImportContext;
import io.integrator.spi.PingResult;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An import destination in memory for flow tests (claims connection type {@code rest}; the REST
 * adaptor is not on this module's test classpath). Counts records; keeps them unless told not to,
 * so the streaming test holds no records.
 */
final class MemoryImportAdaptor implements Adaptor {
  final List<ObjectNode> received = new java.util.concurrent.CopyOnWriteArrayList<>();
  final AtomicLong count = new AtomicLong();
  private final boolean keep;

  MemoryImportAdaptor(boolean keep) {
    this.keep = keep;
  }

  @Override
  public Set<String> connectionTypes() {
    return Set.of("rest");
  }

  @Override
  public PingResult ping(ObjectNode connection) {
    return PingResult.success();
  }

  @Override
  public RecordWriter openWriter(ImportContext context) {
    return records -> {
      count.addAndGet(records.size());
      if (keep) {
        received.addAll(records);
      }
      return records.stream().map(r -> SubmitResult.success(null, null)).toList();
    };
  }
}
