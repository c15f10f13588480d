package io.integrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Adaptor;
import io.integrator.spi.ExportContext;
import io.integrator.spi.ImportContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import io.integrator.spi.PingResult;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A stand-in for the HTTP adaptor in command-line tests (the real one arrives with the REST
 * issue and replaces this): an export reads the array named by its {@code http.relativeURI} from
 * the connection's {@code unencrypted} bag, paged by {@code pageSize}; an import accepts every
 * record except those with {@code "reject": true}, which fail with a 422.
 */
public final class FixtureHttpAdaptor implements Adaptor {
  @Override
  public Set<String> connectionTypes() {
    return Set.of("http");
  }

  @Override
  public PingResult ping(ObjectNode connection) {
    return PingResult.success();
  }

  @Override
  public PageReader openReader(ExportContext ctx) {
    String name = ctx.export().path("http").path("relativeURI").asText().replaceFirst("^/", "");
    JsonNode all = ctx.connection().path("unencrypted").path(name);
    return new PageReader() {
      int next;

      @Override
      public Optional<Page> next() {
        if (next >= all.size() || ctx.isCanceled()) {
          return Optional.empty();
        }
        List<ObjectNode> records = new ArrayList<>();
        while (next < all.size() && records.size() < ctx.pageSize()) {
          records.add(((ObjectNode) all.get(next++)).deepCopy());
        }
        return Optional.of(Page.of(records));
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public RecordWriter openWriter(ImportContext ctx) {
    return new RecordWriter() {
      @Override
      public List<SubmitResult> submit(List<ObjectNode> records) {
        List<SubmitResult> results = new ArrayList<>();
        for (ObjectNode r : records) {
          results.add(
              r.path("reject").asBoolean()
                  ? SubmitResult.failure(422, "invalid_record", "the ERP refused " + r.path("name").asText())
                  : SubmitResult.success("id-" + r.path("name").asText(), r));
        }
        return results;
      }

      @Override
      public void close() {}
    };
  }
}
