package io.integrator.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceTest {

  @Test
  void factoryReturnsTheSubclassForEachKind() {
    for (ResourceKind kind : ResourceKind.values()) {
      Resource r = Resources.parse(kind, "{}", "x.json");
      assertThat(r.kind()).isEqualTo(kind);
      assertThat(r.getClass().getSimpleName()).isEqualTo(kind.displayName().replace(" ", ""));
    }
    Export e = Resources.of(Export.class, ResourceJson.read("{\"pageSize\":\"3\"}", "x"));
    assertThat(e.pageSize()).isEqualTo(3);
  }

  @Test
  void equalityIsByKindAndContentNotFieldOrder() {
    Resource a = Resources.parse(ResourceKind.EXPORT, "{\"name\":\"a\",\"pageSize\":5}", "a");
    Resource b = Resources.parse(ResourceKind.EXPORT, "{\"pageSize\":\"5\",\"name\":\"a\"}", "b");
    Resource c = Resources.parse(ResourceKind.IMPORT, "{\"name\":\"a\",\"pageSize\":5}", "c");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
  }

  @Test
  void commonGettersAndWithId() {
    Resource r = Resources.parse(ResourceKind.FLOW, "{\"name\":\"n\",\"lastModified\":\"2017-10-24T00:55:49.128Z\"}", "f");
    assertThat(r.id()).isNull();
    assertThat(r.name()).isEqualTo("n");
    assertThat(r.lastModified()).isEqualTo("2017-10-24T00:55:49.128Z");
    Resource withId = r.withId("my-flow");
    assertThat(withId.id()).isEqualTo("my-flow");
    assertThat(withId.json().fieldNames().next()).isEqualTo("_id");
    assertThat(r.id()).isNull();
  }

  @Test
  void legacySimpleFlowIsPresentedAsGeneratorsAndProcessors() {
    Flow f = (Flow) Resources.parse(ResourceKind.FLOW, "{\"_exportId\":\"e1\",\"_importId\":\"i1\"}", "f");
    assertThat(f.isSimple()).isTrue();
    assertThat(f.pageGenerators()).hasToString("[{\"_exportId\":\"e1\"}]");
    assertThat(f.pageProcessors()).hasToString("[{\"type\":\"import\",\"_importId\":\"i1\"}]");
    assertThat(f.exportIds()).containsExactly("e1");
    assertThat(f.importIds()).containsExactly("i1");
    assertThat(f.json().has("pageGenerators")).isFalse();
    assertThat(f.timezone()).isEqualTo("UTC");
  }

  @Test
  void flowIdsInFlowOrder() {
    Flow f = (Flow) Resources.parse(ResourceKind.FLOW,
        "{\"pageGenerators\":[{\"_exportId\":\"e1\"},{\"_exportId\":\"e2\"}],"
            + "\"pageProcessors\":[{\"type\":\"export\",\"_exportId\":\"lookup\"},{\"type\":\"import\",\"_importId\":\"i1\"}],"
            + "\"disabled\":\"true\",\"timezone\":\"Europe/Paris\"}", "f");
    assertThat(f.exportIds()).containsExactly("e1", "e2", "lookup");
    assertThat(f.importIds()).containsExactly("i1");
    assertThat(f.isDisabled()).isTrue();
    assertThat(f.timezone()).isEqualTo("Europe/Paris");
  }

  @Test
  void connectionGetters() {
    Connection c = (Connection) Resources.parse(ResourceKind.CONNECTION,
        "{\"type\":\"sftp\",\"ftp\":{\"hostURI\":\"h\",\"username\":\"u\",\"concurrencyLevel\":\"2\"}}", "c");
    assertThat(c.adaptorType()).isEqualTo("ftp");
    assertThat(c.ftpType()).isEqualTo("sftp");
    assertThat(c.concurrencyLevel()).isEqualTo(2);
    assertThat(c.isOffline()).isFalse();
  }

  @Test
  void importLookupsComeFromEverySection() {
    Import i = (Import) Resources.parse(ResourceKind.IMPORT,
        "{\"rest\":{\"lookups\":[{\"name\":\"a\",\"map\":{}}]},\"netsuite\":{\"lookups\":[{\"name\":\"b\",\"map\":{}}]}}", "i");
    assertThat(i.lookups()).extracting(l -> l.get("name").asText()).containsExactly("a", "b");
    assertThat(i.mapping().isMissingNode()).isTrue();
  }
}
