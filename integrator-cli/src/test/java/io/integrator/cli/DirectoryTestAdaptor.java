package io.integrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.integrator.spi.Adaptor;
import io.integrator.spi.LookupQuery;
import io.integrator.spi.LookupSource;
import io.integrator.spi.PingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A test adaptor for connection type {@code directory-test}: its lookups answer from the
 * connection's own {@code directory} object ({@code {"ann@example.com": "C-1"}}), so the map
 * command's dynamic-lookup path runs end to end without a network.
 */
public final class DirectoryTestAdaptor implements Adaptor {
  @Override
  public Set<String> connectionTypes() {
    return Set.of("directory-test");
  }

  @Override
  public PingResult ping(ObjectNode connection) {
    return PingResult.success();
  }

  @Override
  public Optional<LookupSource> lookupSource(ObjectNode connection) {
    JsonNode directory = connection.path("directory");
    return Optional.of(
        (definition, queries) -> {
          List<List<JsonNode>> answers = new ArrayList<>();
          for (LookupQuery q : queries) {
            JsonNode found = directory.get(q.value().asText());
            answers.add(found == null ? List.of() : List.of(TextNode.valueOf(found.asText())));
          }
          return answers;
        });
  }
}
