package io.integrator.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.InvalidResourceException;
import io.integrator.mapping.Mapping;
import io.integrator.mapping.RecordResult;
import io.integrator.model.Connection;
import io.integrator.model.Export;
import io.integrator.model.Import;
import io.integrator.model.ResourceJson;
import io.integrator.store.Stores;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shortest useful tour of the Java API: store a connection, an export and an import in an
 * embedded H2 store, see secrets come back masked, get a validation error for a bad document, and
 * map a record with the import's mapping.
 *
 * <p>Run it with {@code mvn -q -DskipTests install && mvn -q -pl examples exec:java
 * -Dexec.mainClass=io.integrator.examples.QuickStart}, or from your IDE. It writes its store to a
 * temporary directory.
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) throws Exception {
    run(System.out, Files.createTempDirectory("integrator-quickstart"));
  }

  /** Runs the tour, printing to {@code out} and keeping the store under {@code stateDir}. */
  static void run(PrintStream out, Path stateDir) {
    try (Integrator integrator = Integrator.builder().store(Stores.h2File(stateDir)).build()) {
      Connection shop =
          integrator
              .connections()
              .create(
                  """
                  {"name": "Shop", "type": "rest",
                   "rest": {"baseURI": "https://shop.example.com/api", "mediaType": "json",
                            "bearerToken": "tok-123"}}
                  """);
      out.println("connection " + shop.id() + ", token reads back as " + shop.get("rest.bearerToken").asText());

      Export customers =
          integrator
              .exports()
              .create(
                  """
                  {"name": "Customers", "_connectionId": "%s",
                   "rest": {"relativeURI": "/customers", "method": "GET"}, "pageSize": 100}
                  """
                      .formatted(shop.id()));
      out.println("export " + customers.apiIdentifier() + " pages of " + customers.pageSize());

      try {
        integrator.exports().create("{\"name\": \"Broken\", \"_connectionId\": \"nowhere\"}");
      } catch (InvalidResourceException e) {
        e.problems().forEach(p -> out.println("refused: " + p));
      }

      Import erp =
          integrator
              .imports()
              .create(
                  """
                  {"name": "Customers into the ERP", "_connectionId": "%s",
                   "rest": {"relativeURI": "/customers", "method": "POST",
                            "lookups": [{"name": "countries", "map": {"USA": "US", "UK": "GB"}}]},
                   "mapping": {"fields": [
                     {"extract": "{first_name} {last_name}", "generate": "name"},
                     {"extract": "country", "generate": "address.country", "lookupName": "countries"}]}}
                  """
                      .formatted(shop.id()));
      Mapping mapping = Mapping.compileImport(erp.json());
      ObjectNode record =
          ResourceJson.read("{\"first_name\": \"Ann\", \"last_name\": \"Lee\", \"country\": \"UK\"}", "record");
      RecordResult mapped = mapping.apply(record);
      out.println("mapped " + mapped.record());
    }
  }
}
