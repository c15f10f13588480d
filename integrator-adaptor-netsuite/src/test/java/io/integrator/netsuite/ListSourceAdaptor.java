package io.integrator.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Adaptor;
import io.integrator.spi.ExportContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import io.integrator.spi.PingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small test export for flows into NetSuite: serves {@code rest} connections whose exports read
 * the records registered under their {@code rest.relativeURI}, in pages of {@code pageSize}.
 */
final class ListSourceAdaptor implements Adaptor {
  final Map<String, List<ObjectNode>> sources = new ConcurrentHashMap<>();

  @Override
  public Set<String> connectionTypes() {
    return Set.of("rest");
  }

  @Override
  public PingResult ping(ObjectNode connection) {
    return PingResult.success();
  }

  @Override
  public PageReader openReader(ExportContext ctx) {
    List<ObjectNode> all = sources.getOrDefault(ctx.export().path("rest").path("relativeURI")
        .asText(), List.of());
    return new PageReader() {
      int next;

      @Override
      public Optional<Page> next() {
        if (next >= all.size()) {
          return Optional.empty();
        }
        List<ObjectNode> page = new ArrayList<>();
        while (next < all.size() && page.size() < ctx.pageSize()) {
          page.add(all.get(next++).deepCopy());
        }
        return Optional.of(Page.of(page));
      }

      @Override
      public void close() {}
    };
  }
}
