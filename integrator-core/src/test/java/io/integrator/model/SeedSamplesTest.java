package io.integrator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.validation.ValidationReport;
import io.integrator.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every JSON sample of the API document loads as printed, validates, and round-trips. */
class SeedSamplesTest {

  static String seed(String name) {
    try (InputStream in = SeedSamplesTest.class.getResourceAsStream("/seed/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Resource load(String name, ResourceKind kind) {
    return Resources.parse(kind, seed(name), "seed/" + name + ".json");
  }

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of("export-request", ResourceKind.EXPORT, false),
        Arguments.of("export-response", ResourceKind.EXPORT, false),
        Arguments.of("realtime-export", ResourceKind.EXPORT, false),
        Arguments.of("realtime-distributed-request", ResourceKind.DISTRIBUTED_EXPORT, false),
        Arguments.of("batch-export", ResourceKind.EXPORT, false),
        Arguments.of("batch-distributed-request", ResourceKind.DISTRIBUTED_EXPORT, false),
        Arguments.of("distributed-import-create", ResourceKind.IMPORT, false),
        Arguments.of("distributed-import-create-response", ResourceKind.IMPORT, true),
        Arguments.of("distributed-import-config", ResourceKind.DISTRIBUTED_IMPORT, false),
        Arguments.of("netsuite-import", ResourceKind.IMPORT, false),
        Arguments.of("netsuite-import-response", ResourceKind.IMPORT, true),
        Arguments.of("rest-import", ResourceKind.IMPORT, false),
        Arguments.of("rest-import-response", ResourceKind.IMPORT, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void loadsValidatesAndRoundTrips(String name, ResourceKind kind, boolean partial) {
    Resource r = load(name, kind);
    assertThat(r.kind()).isEqualTo(kind);

    ValidationReport report =
        Validator.builder()
            .knownHookIds(id -> false)
            .acceptPartialDocuments(partial)
            .build()
            .validate(r, "seed/" + name + ".json");
    assertThat(report.errors()).as(report.toString()).isEmpty();
    assertThat(report.isValid()).isTrue();

    String written = ResourceJson.write(r.json());
    assertThat(written).doesNotContain("//");
    Resource again = Resources.parse(kind, written, "written.json");
    assertThat(again).isEqualTo(r);
    assertThat(again.hashCode()).isEqualTo(r.hashCode());
    assertThat(ResourceJson.write(again.json())).isEqualTo(written);
  }

  @Test
  void responsesNeedPartialModeBecauseTheyLackRequiredFields() {
    Resource r = load("rest-import-response", ResourceKind.IMPORT);
    assertThat(Validator.defaults().validate(r, "seed/rest-import-response.json").lines())
        .containsExactly("seed/rest-import-response.json: _connectionId: required field is missing");
  }

  @Test
  void stringBooleansBecomeBooleans() {
    Import imp = (Import) load("distributed-import-create", ResourceKind.IMPORT);
    assertThat(imp.json().get("distributed").isBoolean()).isTrue();
    assertThat(imp.isDistributed()).isTrue();

    JsonNode lookups = load("distributed-import-config", ResourceKind.DISTRIBUTED_IMPORT).json().get("lookups");
    assertThat(lookups.get(0).get("allowFailures").isBoolean()).isTrue();
    assertThat(lookups.get(0).get("includeInactive").booleanValue()).isFalse();
    assertThat(lookups.get(3).get("allowFailures").booleanValue()).isTrue();
  }

  @Test
  void distributedHookAliasesBecomeCanonical() {
    JsonNode hooks = load("distributed-import-config", ResourceKind.DISTRIBUTED_IMPORT).json().get("hooks");
    assertThat(hooks.fieldNames()).toIterable().containsExactly("preMap", "postMap", "postSubmit");
    assertThat(hooks.get("preMap").get("function").textValue()).isEqualTo("myPreMappingLogic");
    assertThat(hooks.get("preMap").has("functionName")).isFalse();

    JsonNode preSend = load("realtime-distributed-request", ResourceKind.DISTRIBUTED_EXPORT).json().at("/hooks/preSend");
    assertThat(preSend.toString()).isEqualTo("{\"fileInternalId\":\"1234\",\"function\":\"myPreSendLogic\"}");
  }

  @Test
  void importHookAliasesBecomeCanonical() {
    Import imp = (Import) load("netsuite-import", ResourceKind.IMPORT);
    assertThat(imp.json().get("hooks").fieldNames())
        .toIterable()
        .containsExactly("_preMapId", "_postMapId", "_postSubmitId");
    assertThat(imp.preMapHookId()).isEqualTo("5587092fd78228000000000a");
    assertThat(imp.postMapHookId()).isEqualTo("5561092fd78228000000010b");
    assertThat(imp.lookups()).extracting(l -> l.get("name").textValue())
        .containsExactly("customerLookup", "currencyMap", "itemLookup");
  }

  @Test
  void commentAndTrailingCommaSamplesLoad() {
    Import rest = (Import) load("rest-import", ResourceKind.IMPORT);
    assertThat(rest.name()).isEqualTo("REST API Sample Post");
    Export realtime = (Export) load("realtime-export", ResourceKind.EXPORT);
    assertThat(realtime.type()).isEqualTo("distributed");
    assertThat(realtime.json().at("/distributed/bearerToken").textValue()).isEqualTo("********");
  }

  @Test
  void exportGettersReadTheSamples() {
    Export e = (Export) load("export-response", ResourceKind.EXPORT);
    assertThat(e.id()).isEqualTo("507f1f77bcf86cd799439011");
    assertThat(e.apiIdentifier()).isEqualTo("e53ec313");
    assertThat(e.connectionId()).isEqualTo("5587092ed78228000000000a");
    assertThat(e.pageSize()).isEqualTo(20);
    assertThat(e.preSavePageHookId()).isEqualTo("5587092fd78228000000000b");
    assertThat(e.systemSection()).isEqualTo("rest");
    Export batch = (Export) load("batch-export", ResourceKind.EXPORT);
    assertThat(batch.pageSize()).isEqualTo(50);
    assertThat(batch.deltaDateField()).isEqualTo("lastmodifieddate");
  }

  @Test
  void unknownHookIdsOfSamplesAreWarnings() {
    Resource r = load("export-request", ResourceKind.EXPORT);
    ValidationReport report =
        Validator.builder().knownHookIds(id -> false).build().validate(r, "exports/my-export.json");
    assertThat(report.lines())
        .containsExactly(
            "exports/my-export.json: warning: hooks._preSavePageId: unknown hook id"
                + " 5587092fd78228000000000b; register a hook with this id or the hook will not run");
    assertThat(
            Validator.builder()
                .knownHookIds("5587092fd78228000000000b"::equals)
                .build()
                .validate(r, "x")
                .problems())
        .isEmpty();
  }
}
