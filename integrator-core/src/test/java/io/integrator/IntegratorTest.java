package io.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.Connection;
import io.integrator.model.DistributedImport;
import io.integrator.model.Export;
import io.integrator.model.Import;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import io.integrator.project.ProjectDirectory;
import io.integrator.spi.Adaptor;
import io.integrator.spi.PingResult;
import io.integrator.store.ResourceNotFoundException;
import io.integrator.store.ResourceStore;
import io.integrator.store.Stores;
import io.integrator.validation.Problem;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegratorTest {
  private static final String SHOP =
      """
      {"name": "Shop", "type": "rest",
       "rest": {"baseURI": "https://shop.example.com/api", "mediaType": "json",
                "bearerToken": "s3cret-token"}}
      """;

  private ResourceStore store;
  private Integrator integrator;

  @BeforeEach
  void setUp() {
    store = Stores.inMemory();
    integrator = Integrator.builder().store(store).build();
  }

  @AfterEach
  void tearDown() {
    integrator.close();
  }

  @Test
  void createAssignsIdsAndMasksSecretsOnRead() {
    Connection shop = integrator.connections().create(SHOP);
    assertThat(shop.id()).matches("[0-9a-f]{24}");
    assertThat(shop.lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(shop.get("rest.bearerToken").asText()).isEqualTo("********");
    assertThat(shop.toString()).doesNotContain("s3cret-token");
    assertThat(store.get(ResourceKind.CONNECTION, shop.id()).at("/rest/bearerToken").asText())
        .isEqualTo("s3cret-token");

    Export export =
        integrator
            .exports()
            .create(
                """
                // a comment, as in the API document
                {"name": "Customers", "_connectionId": "%s",
                 "rest": {"relativeURI": "/customers", "method": "GET"}, "pageSize": "50",}
                """
                    .formatted(shop.id()));
    assertThat(export.apiIdentifier()).matches("e[0-9a-f]{7}");
    assertThat(export.pageSize()).isEqualTo(50);
    assertThat(integrator.exports().findByApiIdentifier(export.apiIdentifier()))
        .contains(export);
    assertThat(integrator.imports().findByApiIdentifier(export.apiIdentifier())).isEmpty();
  }

  @Test
  void createRefusesInvalidDocumentsListingEveryProblem() {
    assertThatThrownBy(
            () ->
                integrator
                    .exports()
                    .create(
                        """
                        {"name": "Bad", "_connectionId": "nowhere",
                         "rest": {"relativeURI": "/x", "method": "PATCH"}, "pageSise": 5}
                        """))
        .isInstanceOfSatisfying(
            InvalidResourceException.class,
            e -> {
              assertThat(e.problems()).extracting(Problem::path)
                  .contains("rest.method", "pageSise", "_connectionId");
              assertThat(e.problems()).allMatch(p -> p.source().equals("exports/(new)"));
              assertThat(e.getMessage()).contains("more problems");
            });
    assertThat(integrator.exports().list()).isEmpty();
  }

  @Test
  void updateReplacesTheDocumentAndKeepsMaskedSecrets() {
    Connection shop = integrator.connections().create(SHOP);
    ObjectNode edited = shop.json();
    edited.put("name", "Shop (renamed)");
    ((ObjectNode) edited.get("rest")).remove("mediaType");
    ((ObjectNode) edited.get("rest")).put("mediaType", "urlencoded");

    Connection updated =
        integrator.connections().update(shop.id(), Resources.of(Connection.class, edited));

    assertThat(updated.name()).isEqualTo("Shop (renamed)");
    assertThat(updated.get("rest.mediaType").asText()).isEqualTo("urlencoded");
    assertThat(store.get(ResourceKind.CONNECTION, shop.id()).at("/rest/bearerToken").asText())
        .isEqualTo("s3cret-token");

    ObjectNode withoutName = updated.json();
    withoutName.remove("name");
    assertThat(
            integrator
                .connections()
                .update(shop.id(), Resources.of(Connection.class, withoutName))
                .name())
        .isNull();
  }

  @Test
  void missingIdsAreTypedNotFoundErrors() {
    assertThatThrownBy(() -> integrator.flows().get("f-missing"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("f-missing");
    assertThatThrownBy(() -> integrator.connections().delete("c-missing"))
        .isInstanceOf(ResourceNotFoundException.class);
    Connection shop = integrator.connections().create(SHOP);
    assertThatThrownBy(
            () -> integrator.connections().update("other", Resources.of(Connection.class, shop.json())))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void deletingAReferencedResourceNamesTheReferrers() {
    Connection shop = integrator.connections().create(SHOP);
    Export export =
        integrator
            .exports()
            .create(
                "{\"name\":\"C\",\"_connectionId\":\"%s\",\"rest\":{\"relativeURI\":\"/c\"}}"
                    .formatted(shop.id()));

    assertThatThrownBy(() -> integrator.connections().delete(shop.id()))
        .isInstanceOfSatisfying(
            ResourceInUseException.class,
            e -> assertThat(e.referrers()).containsExactly("exports/" + export.id()))
        .hasMessageContaining("change or delete it first");

    integrator.exports().delete(export.id());
    integrator.connections().delete(shop.id());
    assertThat(integrator.connections().list()).isEmpty();
  }

  @Test
  void distributedDocumentsLiveBesideTheirParent() {
    Connection ns =
        integrator
            .connections()
            .create(
                """
                {"name": "NS", "type": "netsuite",
                 "netsuite": {"account": "123456", "tokenId": "tid", "tokenSecret": "tsec"}}
                """);
    Import imp =
        integrator
            .imports()
            .create(
                "{\"name\":\"DA\",\"_connectionId\":\"%s\",\"distributed\":\"true\"}"
                    .formatted(ns.id()));
    assertThat(imp.apiIdentifier()).matches("i[0-9a-f]{7}");
    assertThatThrownBy(() -> integrator.imports().getDistributed(imp.id()))
        .isInstanceOf(ResourceNotFoundException.class);

    DistributedImport da =
        Resources.of(
            DistributedImport.class,
            (ObjectNode)
                io.integrator.model.ResourceJson.read(
                    """
                    {"recordType": "salesorder", "operation": "add",
                     "lookups": [{"name": "currencyMap", "map": {"USA": "USD"}, "allowFailures": "false"}],
                     "mapping": {"fields": [{"extract": "country", "generate": "currency",
                                             "lookupName": "currencyMap"}]}}
                    """,
                    "test"));
    integrator.imports().putDistributed(imp.id(), da);
    assertThat(integrator.imports().getDistributed(imp.id()).get("operation").asText())
        .isEqualTo("add");

    integrator.imports().delete(imp.id());
    assertThatThrownBy(() -> integrator.imports().getDistributed(imp.id()))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void adaptorsAreDiscoveredAndRegistrationWins() {
    assertThat(integrator.connectionTypes()).contains("echo-test");
    assertThat(integrator.adaptor("ECHO-TEST")).get().isInstanceOf(EchoTestAdaptor.class);
    assertThat(integrator.adaptor("ftp")).isEmpty();

    Adaptor replacement =
        new Adaptor() {
          @Override
          public Set<String> connectionTypes() {
            return Set.of("echo-test");
          }

          @Override
          public PingResult ping(ObjectNode connection) {
            return PingResult.success();
          }
        };
    try (Integrator custom = Integrator.builder().adaptor(replacement).build()) {
      assertThat(custom.adaptor("echo-test")).contains(replacement);
    }
  }

  @Test
  void twoRegisteredAdaptorsForOneTypeAreASetupError() {
    Adaptor a = new EchoTestAdaptor();
    Adaptor b =
        new Adaptor() {
          @Override
          public Set<String> connectionTypes() {
            return Set.of("echo-test");
          }

          @Override
          public PingResult ping(ObjectNode connection) {
            return PingResult.success();
          }
        };
    assertThatThrownBy(() -> Integrator.builder().adaptor(a).adaptor(b).build())
        .isInstanceOf(IntegratorException.class)
        .hasMessageContaining("two adaptors serve connection type \"echo-test\"");
  }

  @Test
  void loadWritesAValidProjectIntoTheStoreWithFileNameIds(@TempDir Path dir) {
    Path project = Path.of("src/test/resources/projects/valid");
    var report = integrator.load(ProjectDirectory.load(project));
    assertThat(report.isValid()).isTrue();
    assertThat(integrator.connections().list()).isNotEmpty();
    for (Export e : integrator.exports().list()) {
      assertThat(e.apiIdentifier()).matches("e[0-9a-f]{7}");
    }
    // Loading again replaces instead of failing on taken ids.
    integrator.load(ProjectDirectory.load(project));
    assertThat(integrator.exports().list()).hasSameSizeAs(store.list(ResourceKind.EXPORT));
  }

  @Test
  void loadRefusesAProjectWithErrorsAndWritesNothing() {
    Path project = Path.of("src/test/resources/projects/invalid");
    assertThatThrownBy(() -> integrator.load(ProjectDirectory.load(project)))
        .isInstanceOf(InvalidResourceException.class);
    assertThat(store.list(ResourceKind.CONNECTION)).isEmpty();
  }

  @Test
  void hookReferencesMayBeIdsOrFunctionObjects() {
    Connection shop = integrator.connections().create(SHOP);
    Export export =
        integrator
            .exports()
            .create(
                """
                {"name": "C", "_connectionId": "%s", "rest": {"relativeURI": "/c"},
                 "hooks": {"_preSavePageId": {"function": "stampPages", "configuration": {"tag": "x"}}}}
                """
                    .formatted(shop.id()));
    assertThat(export.get("hooks._preSavePageId.function").asText()).isEqualTo("stampPages");

    assertThatThrownBy(
            () ->
                integrator
                    .exports()
                    .create(
                        """
                        {"name": "C", "_connectionId": "%s", "rest": {"relativeURI": "/c"},
                         "hooks": {"_preSavePageId": {"configuration": {}, "fn": "x"}}}
                        """
                            .formatted(shop.id())))
        .isInstanceOfSatisfying(
            InvalidResourceException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .contains("hooks._preSavePageId.function", "hooks._preSavePageId.fn"));
  }
}
