package io.integrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String ORDER_IMPORT =
      """
      {
        "name": "Orders",
        "_connectionId": "erp",
        "rest": {
          "relativeURI": "/orders", "method": "POST",
          "lookups": [
            {"name": "currencyMap", "map": {"USA": "USD", "JAPAN": "JPY"}, "allowFailures": "false"}
          ]
        },
        "mapping": {
          "fields": [
            {"extract": "{first_name} {last_name}", "generate": "billingAddress.addressee"},
            {"extract": "zip", "generate": "billingAddress.zip"},
            {"extract": "country", "generate": "currency", "lookupName": "currencyMap"},
            {"extract": "total", "generate": "total", "dataType": "number"}
          ],
          "lists": [
            {"generate": "item", "fields": [
              {"extract": "order_lines[*].sku", "generate": "item"},
              {"extract": "shipments[*].ship_via", "generate": "shipMethod"},
              {"extract": "tax_percent", "generate": "taxRate1"}
            ]}
          ]
        }
      }
      """;

  @Test
  void printsAnArrayAlignedWithTheInputAndFailsOnlyTheBadRecords(@TempDir Path dir)
      throws IOException {
    Path importFile = write(dir.resolve("order-import.json"), ORDER_IMPORT);
    Path data =
        write(
            dir.resolve("orders.json"),
            """
            [
              {"first_name": "Ann", "last_name": "Lee", "zip": "02134", "country": "USA", "total": "12.50",
               "order_lines": [{"sku": "A"}, {"sku": "B"}, {"sku": "C"}],
               "shipments": [{"ship_via": "UPS"}, {"ship_via": "DHL"}], "tax_percent": 7},
              {"first_name": "Bo", "last_name": "Chen", "country": "MARS", "total": 3},
              {"first_name": "Cy", "country": "JAPAN", "total": "abc"},
              42
            ]
            """);

    CliRun run = CliRun.of("map", "--import", importFile.toString(), "--data", data.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode out = JSON.readTree(run.out());
    assertThat(out).hasSize(4);
    assertThat(out.get(0))
        .isEqualTo(
            JSON.readTree(
                """
                {"billingAddress": {"addressee": "Ann Lee", "zip": "02134"}, "currency": "USD",
                 "total": 12.50,
                 "item": [{"item": "A", "shipMethod": "UPS", "taxRate1": 7},
                          {"item": "B", "shipMethod": "DHL", "taxRate1": 7},
                          {"item": "C", "taxRate1": 7}]}
                """));
    JsonNode lookupError = out.get(1).get("errors").get(0);
    assertThat(lookupError.get("source").asText()).isEqualTo("lookup");
    assertThat(lookupError.get("classification").asText()).isEqualTo("missing");
    assertThat(lookupError.get("message").asText()).contains("MARS");
    JsonNode valueError = out.get(2).get("errors").get(0);
    assertThat(valueError.get("classification").asText()).isEqualTo("value");
    assertThat(valueError.get("message").asText()).contains("abc").contains("number");
    assertThat(out.get(3).get("errors").get(0).get("code").asText()).isEqualTo("invalid_record");
    assertThat(run.err()).contains("1 record mapped, 3 failed");
  }

  @Test
  void oneRecordInOneRecordOutAndExitZero(@TempDir Path dir) throws IOException {
    Path importFile = write(dir.resolve("order-import.json"), ORDER_IMPORT);
    Path data = write(dir.resolve("one.json"), "{\"first_name\": \"Ann\", \"country\": \"JAPAN\"}");
    CliRun run = CliRun.of("map", "--import", importFile.toString(), "--data", data.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()))
        .isEqualTo(JSON.readTree("[{\"billingAddress\": {\"addressee\": \"Ann \"}, \"currency\": \"JPY\"}]"));
  }

  @Test
  void dynamicLookupsAskTheImportsConnectionInTheProject(@TempDir Path dir) throws IOException {
    write(
        dir.resolve("connections/crm.json"),
        "{\"type\": \"directory-test\", \"directory\": {\"ann@example.com\": \"C-1\"}}");
    Path importFile =
        write(
            dir.resolve("imports/customers.json"),
            """
            {"_connectionId": "crm",
             "rest": {"relativeURI": "/c", "lookups": [
               {"name": "customerId", "relativeURI": "/customers?email={email}", "extract": "0.id"}]},
             "mapping": {"fields": [{"extract": "email", "generate": "entity", "lookupName": "customerId"}]}}
            """);
    Path data =
        write(dir.resolve("data.json"), "[{\"email\": \"ann@example.com\"}, {\"email\": \"nobody@example.com\"}]");

    CliRun run = CliRun.of("map", "--import", importFile.toString(), "--data", data.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode out = JSON.readTree(run.out());
    assertThat(out.get(0)).isEqualTo(JSON.readTree("{\"entity\": \"C-1\"}"));
    assertThat(out.get(1).get("errors").get(0).get("classification").asText()).isEqualTo("missing");
  }

  @Test
  void dynamicLookupsWithoutAProjectAreAUsageError(@TempDir Path dir) throws IOException {
    Path importFile =
        write(
            dir.resolve("lone-import.json"),
            """
            {"_connectionId": "crm",
             "rest": {"relativeURI": "/c", "lookups": [{"name": "id", "relativeURI": "/x?e={email}", "extract": "id"}]},
             "mapping": {"fields": [{"extract": "email", "generate": "entity", "lookupName": "id"}]}}
            """);
    Path data = write(dir.resolve("data.json"), "[]");
    CliRun run = CliRun.of("map", "--import", importFile.toString(), "--data", data.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("dynamic lookups").contains("--dir");
  }

  @Test
  void anInvalidMappingListsItsProblems(@TempDir Path dir) throws IOException {
    Path importFile =
        write(
            dir.resolve("bad.json"),
            "{\"_connectionId\": \"x\", \"mapping\": {\"fields\": [{\"extract\": \"a..b\", \"generate\": \"x\"},"
                + " {\"extract\": \"lines[*].sku\", \"generate\": \"y\"}]}}");
    Path data = write(dir.resolve("data.json"), "[{}]");
    CliRun run = CliRun.of("map", "--import", importFile.toString(), "--data", data.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(importFile + ": mapping.fields[0].extract: malformed path or template")
        .contains(importFile + ": mapping.fields[1].extract: [*] is allowed only inside mapping.lists");
  }

  @Test
  void malformedDataIsOneLineWithLineAndColumn(@TempDir Path dir) throws IOException {
    Path importFile = write(dir.resolve("order-import.json"), ORDER_IMPORT);
    Path data = write(dir.resolve("data.json"), "[\n  {\"a\": 1,}\n]");
    CliRun run = CliRun.of("map", "--import", importFile.toString(), "--data", data.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("integrator: " + data + ": line 2, column").doesNotContain("\n");
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
