package io.integrator.store;

import static io.integrator.store.ResourceStoreContractTest.MAPPER;
import static io.integrator.store.ResourceStoreContractTest.SECRETS;
import static io.integrator.store.ResourceStoreContractTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.integrator.model.ResourceKind;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the JDBC store does: encryption at rest, key files, persistence, schema, transactions. */
class JdbcStoreTest {
  @TempDir Path dir;

  private static StoreOptions withSecrets() {
    return StoreOptions.defaults().withSecretLocator(SECRETS);
  }

  private static String url(Path storeDir) {
    return "jdbc:h2:file:" + storeDir.toAbsolutePath().resolve(Stores.H2_FILE_NAME);
  }

  private static List<String> rawColumn(Path storeDir, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url(storeDir), Stores.H2_USER, "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  @Test
  void secretsAreEncryptedAtRestAndReadBackInPlain() throws Exception {
    Path storeDir = dir.resolve(".integrator");
    try (ResourceStore store = Stores.h2File(storeDir, withSecrets())) {
      ObjectNode a = store.create(ResourceKind.CONNECTION, json("{'type':'rest','rest':{'password':'hunter2-plain','user':'bob'}}"));
      store.create(ResourceKind.CONNECTION, json("{'type':'rest','rest':{'password':'hunter2-plain'}}"));
      String exportId = store.create(ResourceKind.EXPORT, json("{'distributed':{'bearerToken':'tok-plain'}}")).get("_id").asText();
      store.putDistributed(ResourceKind.EXPORT, exportId, json("{'distributed':{'bearerToken':'dist-plain'}}"));

      List<String> raw = rawColumn(storeDir, "SELECT doc FROM resources");
      assertThat(raw).hasSize(4);
      assertThat(String.join("\n", raw))
          .doesNotContain("hunter2-plain")
          .doesNotContain("tok-plain")
          .doesNotContain("dist-plain")
          .contains("\"user\":\"bob\"")
          .contains(SecretCipher.PREFIX);
      List<String> connections = rawColumn(storeDir, "SELECT doc FROM resources WHERE kind = 'CONNECTION' ORDER BY seq");
      String first = json(connections.get(0)).at("/rest/password").asText();
      String second = json(connections.get(1)).at("/rest/password").asText();
      assertThat(first).startsWith("enc:v1:").isNotEqualTo(second); // random IV per value
      // iv (12) + "hunter2-plain" as JSON (15) + tag (16)
      assertThat(Base64.getDecoder().decode(first.substring(7))).hasSize(12 + 15 + 16);

      assertThat(store.get(ResourceKind.CONNECTION, a.get("_id").asText()).at("/rest/password").asText())
          .isEqualTo("hunter2-plain");
      assertThat(store.getDistributed(ResourceKind.EXPORT, exportId).at("/distributed/bearerToken").asText())
          .isEqualTo("dist-plain");
    }
  }

  @Test
  void keyFileIsCreatedOnFirstSecretWithOwnerOnlyPermissions() throws Exception {
    Path storeDir = dir.resolve(".integrator");
    Path keyFile = storeDir.resolve(Stores.KEY_FILE_NAME);
    // the default chain prefers the environment variable; this test is about the file
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(SecretKeyProvider.ENV_VAR) == null);
    try (ResourceStore store = Stores.h2File(storeDir, withSecrets())) {
      store.create(ResourceKind.CONNECTION, json("{'type':'ftp'}"));
      assertThat(keyFile).doesNotExist();
      store.create(ResourceKind.CONNECTION, json("{'rest':{'password':'p'}}"));
      assertThat(keyFile).exists();
      assertThat(Base64.getDecoder().decode(Files.readString(keyFile).trim())).hasSize(32);
      if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
      }
    }
    String key = Files.readString(keyFile);
    try (ResourceStore reopened = Stores.h2File(storeDir, withSecrets())) {
      assertThat(reopened.list(ResourceKind.CONNECTION).get(1).at("/rest/password").asText()).isEqualTo("p");
    }
    assertThat(Files.readString(keyFile)).isEqualTo(key);
  }

  @Test
  void wrongKeyGivesAClearErrorWithoutTheSecret() {
    Path storeDir = dir.resolve("s");
    byte[] right = new byte[32];
    byte[] wrong = new byte[32];
    wrong[0] = 1;
    String id;
    try (ResourceStore store = Stores.h2File(storeDir, withSecrets().withKeyProvider(SecretKeyProvider.of(right)))) {
      id = store.create(ResourceKind.CONNECTION, json("{'rest':{'password':'do-not-print'}}")).get("_id").asText();
    }
    try (ResourceStore store = Stores.h2File(storeDir, withSecrets().withKeyProvider(SecretKeyProvider.of(wrong)))) {
      assertThatThrownBy(() -> store.get(ResourceKind.CONNECTION, id))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("Connection '" + id + "'")
          .hasMessageContaining("secret key")
          .hasMessageNotContaining("do-not-print");
      // documents without secrets still read fine
      store.create(ResourceKind.FLOW, json("{'name':'ok'}"));
      assertThat(store.list(ResourceKind.FLOW)).hasSize(1);
      // sending the mask back cannot keep a secret nobody can read ...
      assertThatThrownBy(() -> store.update(ResourceKind.CONNECTION, id, json("{'rest':{'password':'********'}}")))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("Cannot keep the masked secret at /rest/password of Connection '" + id + "'")
          .hasMessageContaining("send the secret itself");
      // ... but entering the secret again repairs the document
      store.update(ResourceKind.CONNECTION, id, json("{'rest':{'password':'again'}}"));
      assertThat(store.get(ResourceKind.CONNECTION, id).at("/rest/password").asText()).isEqualTo("again");
    }
  }

  @Test
  void aDamagedSecretIsReportedWithoutLeakingAnything() throws Exception {
    Path storeDir = dir.resolve("d");
    StoreOptions options = withSecrets().withKeyProvider(SecretKeyProvider.of(new byte[32]));
    try (ResourceStore store = Stores.h2File(storeDir, options)) {
      String id = store.create(ResourceKind.CONNECTION, json("{'rest':{'password':'pw'}}")).get("_id").asText();
      try (Connection c = DriverManager.getConnection(url(storeDir), Stores.H2_USER, "");
          Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE resources SET doc = '{\"_id\":\"" + id + "\",\"rest\":{\"password\":\"enc:v1:AAAA\"}}'");
      }
      assertThatThrownBy(() -> store.get(ResourceKind.CONNECTION, id))
          .isInstanceOf(StoreException.class)
          .hasMessage("Cannot decrypt the secrets of Connection '" + id
              + "': the stored value is damaged (IllegalArgumentException); enter the secrets again");
      // writing the secret again repairs it
      store.update(ResourceKind.CONNECTION, id, json("{'rest':{'password':'pw2'}}"));
      assertThat(store.get(ResourceKind.CONNECTION, id).at("/rest/password").asText()).isEqualTo("pw2");
    }
  }

  @Test
  void aDirectoryWithASemicolonIsRefused() {
    assertThatThrownBy(() -> Stores.h2File(dir.resolve("a;FILE_LOCK=NO")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not contain ';'");
  }

  @Test
  void dataSurvivesCloseAndReopen() {
    Path storeDir = dir.resolve("p");
    String exportId;
    String api;
    String jobId;
    try (ResourceStore store = Stores.h2File(storeDir)) {
      ObjectNode export = store.create(ResourceKind.EXPORT, json("{'name':'orders'}"));
      exportId = export.get("_id").asText();
      api = export.get("apiIdentifier").asText();
      store.putDistributed(ResourceKind.EXPORT, exportId, json("{'type':'realtime'}"));
      jobId = store.create(ResourceKind.JOB, json("{'type':'flow','_flowId':'f','status':'completed'}")).get("_id").asText();
      store.create(ResourceKind.JOB_ERROR, json("{'_jobId':'" + jobId + "'}"));
      store.putState("delta/f/" + exportId, "lastExportDateTime", TextNode.valueOf("2024-01-01T00:00:00.000Z"));
    }
    try (ResourceStore store = Stores.h2File(storeDir)) {
      assertThat(store.get(ResourceKind.EXPORT, exportId).get("name").asText()).isEqualTo("orders");
      assertThat(store.findByApiIdentifier(api).orElseThrow().kind()).isEqualTo(ResourceKind.EXPORT);
      assertThat(store.getDistributed(ResourceKind.EXPORT, exportId).get("type").asText()).isEqualTo("realtime");
      assertThat(store.listJobs(JobQuery.all().flowId("f"))).hasSize(1);
      assertThat(store.countJobErrors(jobId, true)).isEqualTo(1);
      assertThat(store.getState("delta/f/" + exportId, "lastExportDateTime").orElseThrow().asText())
          .isEqualTo("2024-01-01T00:00:00.000Z");
      assertThatThrownBy(() -> store.create(ResourceKind.IMPORT, json("{'apiIdentifier':'" + api + "'}")))
          .isInstanceOf(ResourceConflictException.class);
    }
  }

  @Test
  void schemaIsCreatedOnceAndReopeningIsIdempotent() throws Exception {
    Path storeDir = dir.resolve("v");
    for (int i = 0; i < 3; i++) {
      Stores.h2File(storeDir).close();
    }
    assertThat(rawColumn(storeDir, "SELECT version FROM schema_version ORDER BY version"))
        .containsExactly("1", "2");
    assertThat(rawColumn(storeDir, "SELECT COUNT(*) FROM run_state")).containsExactly("0");
  }

  @Test
  void aVersion1StoreIsUpgradedWithTheWebhookQueueAndKeepsItsData() throws Exception {
    Path storeDir = dir.resolve("up");
    String exportId;
    try (ResourceStore store = Stores.h2File(storeDir)) {
      exportId = store.create(ResourceKind.EXPORT, json("{'name':'kept'}")).get("_id").asText();
    }
    try (Connection c = DriverManager.getConnection(url(storeDir), Stores.H2_USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE webhook_queue");
      s.execute("DELETE FROM schema_version WHERE version = 2");
    }
    try (ResourceStore store = Stores.h2File(storeDir)) {
      assertThat(store.get(ResourceKind.EXPORT, exportId).get("name").asText()).isEqualTo("kept");
      store.enqueueWebhook(exportId, List.of("f"), MAPPER.createArrayNode().add(json("{'a':1}")));
    }
    try (ResourceStore store = Stores.h2File(storeDir)) {
      assertThat(store.queuedWebhooks("f", exportId, 0, Long.MAX_VALUE, 5)).hasSize(1);
    }
    assertThat(rawColumn(storeDir, "SELECT version FROM schema_version ORDER BY version"))
        .containsExactly("1", "2");
  }

  @Test
  void aNewerSchemaIsRefused() throws Exception {
    Path storeDir = dir.resolve("n");
    Stores.h2File(storeDir).close();
    try (Connection c = DriverManager.getConnection(url(storeDir), Stores.H2_USER, "");
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, CURRENT_TIMESTAMP)");
    }
    assertThatThrownBy(() -> Stores.h2File(storeDir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("upgrade the Integrator");
  }

  @Test
  void indexedJobColumnsAreFilledFromTheDocument() throws Exception {
    Path storeDir = dir.resolve("j");
    try (ResourceStore store = Stores.h2File(storeDir)) {
      store.create(ResourceKind.JOB, json("{'type':'export','status':'running','_flowId':'f9','_exportId':'e9','_flowJobId':'p9'}"));
    }
    assertThat(rawColumn(storeDir, "SELECT flow_id || ',' || export_id || ',' || flow_job_id || ',' || job_status || ',' || job_type FROM jobs"))
        .containsExactly("f9,e9,p9,running,export");
  }

  @Test
  void aFailedWriteLeavesTheStoreUnchanged() {
    AtomicBoolean failErrorDelete = new AtomicBoolean();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:tx-" + UUID.randomUUID());
    DataSource failing = failingDataSource(h2, failErrorDelete);
    try (ResourceStore store = Stores.jdbc(failing)) {
      String jobId = store.create(ResourceKind.JOB, json("{'type':'flow'}")).get("_id").asText();
      store.create(ResourceKind.JOB_ERROR, json("{'_jobId':'" + jobId + "'}"));

      failErrorDelete.set(true);
      assertThatThrownBy(() -> store.delete(ResourceKind.JOB, jobId))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("Deleting Job '" + jobId + "' failed");
      failErrorDelete.set(false);

      // the job row deleted before the failure was rolled back
      assertThat(store.find(ResourceKind.JOB, jobId)).isPresent();
      assertThat(store.countJobErrors(jobId, false)).isEqualTo(1);
    }
  }

  /** A DataSource whose connections fail to prepare "DELETE FROM job_errors" while armed. */
  private static DataSource failingDataSource(JdbcDataSource target, AtomicBoolean armed) {
    InvocationHandler ds = (proxy, method, args) -> {
      Object result = invoke(target, method, args);
      if (method.getName().equals("getConnection")) {
        Connection real = (Connection) result;
        return Proxy.newProxyInstance(JdbcStoreTest.class.getClassLoader(), new Class<?>[] {Connection.class},
            (p, m, a) -> {
              if (armed.get() && m.getName().equals("prepareStatement") && String.valueOf(a[0]).startsWith("DELETE FROM job_errors")) {
                throw new SQLException("injected failure", "HY000");
              }
              return invoke(real, m, a);
            });
      }
      return result;
    };
    return (DataSource) Proxy.newProxyInstance(JdbcStoreTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, ds);
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void badJdbcUrlsAndUnreachableDatabasesGiveOneLineErrors() {
    assertThatThrownBy(() -> Stores.jdbc("postgresql://x", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:");
    assertThatThrownBy(() -> Stores.jdbc("jdbc:h2:tcp://127.0.0.1:1/nothing;TRACE_LEVEL_FILE=0", "u", "pw-topsecret"))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("Opening the store failed: cannot connect to the database at jdbc:h2:tcp://127.0.0.1:1/nothing ")
        .hasMessageContaining("check that it is running")
        .hasMessageNotContaining("topsecret")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> Stores.jdbc("jdbc:postgresql://db.example/integrator?password=pw-topsecret", "u", "p"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no JDBC driver on the class path accepts jdbc:postgresql://db.example/integrator;")
        .hasMessageContaining("org.postgresql:postgresql")
        .hasMessageNotContaining("topsecret");
  }
}
