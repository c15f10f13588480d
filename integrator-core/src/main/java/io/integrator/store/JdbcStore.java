package io.integrator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ResourceStore} in a relational database through JDBC; targets H2 (embedded, file or
 * memory) and PostgreSQL with portable SQL (plain INSERT/UPDATE/DELETE/SELECT, no MERGE). Thread-safe:
 * every operation uses its own connection and transaction, so a failed write changes nothing.
 * Secrets are encrypted at rest by {@link SecretCipher}. Tables: see {@link JdbcSchema}.
 */
final class JdbcStore extends AbstractStore {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JdbcConnections db;
  private final SecretCipher cipher;

  JdbcStore(JdbcConnections db, StoreOptions options, SecretKeyProvider defaultKeys) {
    super(options);
    this.db = db;
    SecretKeyProvider keys = options.keyProvider().orElse(defaultKeys);
    this.cipher = new SecretCipher(options.secretLocator(), () -> keys, MAPPER);
    db.start();
    try {
      JdbcSchema.migrate(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  // ---- writes

  @Override
  <T> T write(String what, TxWork<T> work) {
    ensureOpen();
    try {
      return db.inTransaction(c -> work.run(new SqlTx(c)));
    } catch (SQLException e) {
      if (JdbcConnections.isDuplicateKey(e)) {
        throw new DuplicateKeyException(e);
      }
      throw db.failure(what, e);
    }
  }

  /** The write primitives on one connection. */
  private final class SqlTx implements Tx {
    private final Connection c;

    SqlTx(Connection c) {
      this.c = c;
    }

    @Override
    public Optional<ObjectNode> load(ResourceKind kind, String id) throws SQLException {
      return select(c, kind, id, false);
    }

    @Override
    public Optional<ObjectNode> loadForReplace(ResourceKind kind, String id) throws SQLException {
      return select(c, kind, id, true);
    }

    @Override
    public boolean exists(ResourceKind kind, String id) throws SQLException {
      JdbcTable t = JdbcTable.of(kind);
      try (PreparedStatement p = c.prepareStatement(t.existsSql)) {
        t.bindKey(p, 1, kind, id);
        try (ResultSet r = p.executeQuery()) {
          return r.next();
        }
      }
    }

    @Override
    public boolean apiIdentifierTaken(String apiIdentifier) throws SQLException {
      try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM resources WHERE api_identifier = ?")) {
        p.setString(1, apiIdentifier);
        try (ResultSet r = p.executeQuery()) {
          return r.next();
        }
      }
    }

    @Override
    public void insert(ResourceKind kind, String id, ObjectNode doc) throws SQLException {
      JdbcTable t = JdbcTable.of(kind);
      try (PreparedStatement p = c.prepareStatement(t.insertSql)) {
        int i = t.bindKey(p, 1, kind, id);
        t.bindValues(p, i, kind, doc, toJson(kind, doc));
        p.executeUpdate();
      }
    }

    @Override
    public void replace(ResourceKind kind, String id, ObjectNode doc) throws SQLException {
      JdbcTable t = JdbcTable.of(kind);
      try (PreparedStatement p = c.prepareStatement(t.updateSql)) {
        int i = t.bindValues(p, 1, kind, doc, toJson(kind, doc));
        t.bindKey(p, i, kind, id);
        p.executeUpdate();
      }
    }

    @Override
    public boolean remove(ResourceKind kind, String id) throws SQLException {
      JdbcTable t = JdbcTable.of(kind);
      try (PreparedStatement p = c.prepareStatement(t.deleteSql)) {
        t.bindKey(p, 1, kind, id);
        return p.executeUpdate() > 0;
      }
    }

    @Override
    public void removeStateScope(String scope) throws SQLException {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM run_state WHERE scope = ?")) {
        p.setString(1, scope);
        p.executeUpdate();
      }
    }

    @Override
    public void removeJobErrorsOf(String jobId) throws SQLException {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM job_errors WHERE job_id = ?")) {
        p.setString(1, jobId);
        p.executeUpdate();
      }
    }
  }

  private String toJson(ResourceKind kind, ObjectNode plain) {
    try {
      return MAPPER.writeValueAsString(cipher.encrypt(kind, plain));
    } catch (JsonProcessingException e) {
      throw new StoreException("Cannot serialize the " + kind.displayName() + " document", e);
    }
  }

  private ObjectNode fromJson(ResourceKind kind, String id, String json) {
    return fromJson(kind, id, json, false);
  }

  private ObjectNode fromJson(ResourceKind kind, String id, String json, boolean lenient) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (!(node instanceof ObjectNode doc)) {
        throw new StoreException("The stored " + kind.displayName() + " '" + id + "' is not a JSON object; delete it and create it again");
      }
      cipher.decrypt(kind, id, doc, lenient);
      return doc;
    } catch (JsonProcessingException e) {
      throw new StoreException(
          "The stored " + kind.displayName() + " '" + id + "' is damaged (not valid JSON); delete it and create it again", e);
    }
  }

  private Optional<ObjectNode> select(Connection c, ResourceKind kind, String id, boolean lenient)
      throws SQLException {
    JdbcTable t = JdbcTable.of(kind);
    try (PreparedStatement p = c.prepareStatement(t.selectSql)) {
      t.bindKey(p, 1, kind, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(fromJson(kind, id, r.getString(1), lenient)) : Optional.empty();
      }
    }
  }

  // ---- reads

  private <T> T read(String what, JdbcConnections.SqlWork<T> work) {
    ensureOpen();
    try {
      return db.inTransaction(work);
    } catch (SQLException e) {
      throw db.failure(what, e);
    }
  }

  @Override
  Optional<ObjectNode> findAny(ResourceKind kind, String id) {
    return read("Reading " + kind.displayName() + " '" + id + "'", c -> select(c, kind, id, false));
  }

  @Override
  public List<ObjectNode> list(ResourceKind kind) {
    Documents.requireKind(kind, "list");
    JdbcTable t = JdbcTable.of(kind);
    return read(
        "Listing " + kind.collection(),
        c -> {
          try (PreparedStatement p = c.prepareStatement(t.listSql)) {
            if (t.byKind()) {
              p.setString(1, kind.name());
            }
            return docs(p, kind);
          }
        });
  }

  private List<ObjectNode> docs(PreparedStatement p, ResourceKind kind) throws SQLException {
    List<ObjectNode> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.add(fromJson(kind, r.getString(1), r.getString(2)));
      }
    }
    return out;
  }

  @Override
  public Optional<Lookup> findByApiIdentifier(String apiIdentifier) {
    if (apiIdentifier == null || apiIdentifier.isEmpty()) {
      return Optional.empty();
    }
    return read(
        "Looking up apiIdentifier '" + apiIdentifier + "'",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT kind, id, doc FROM resources WHERE api_identifier = ?")) {
            p.setString(1, apiIdentifier);
            try (ResultSet r = p.executeQuery()) {
              if (!r.next()) {
                return Optional.empty();
              }
              ResourceKind kind = ResourceKind.valueOf(r.getString(1));
              return Optional.of(new Lookup(kind, fromJson(kind, r.getString(2), r.getString(3))));
            }
          }
        });
  }

  @Override
  public List<ObjectNode> listJobs(JobQuery query) {
    if (query == null) {
      throw new IllegalArgumentException("The job query must not be null; use JobQuery.all()");
    }
    StringBuilder sql = new StringBuilder("SELECT id, doc FROM jobs WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    for (JobQuery.Field f : JobQuery.Field.values()) {
      String v = query.value(f);
      if (v != null) {
        sql.append(" AND ").append(f.column).append(" = ?");
        args.add(v);
      }
    }
    if (query.createdFrom() != null) {
      sql.append(" AND created_at >= ?");
      args.add(LocalDateTime.ofInstant(query.createdFrom(), ZoneOffset.UTC));
    }
    if (query.createdTo() != null) {
      sql.append(" AND created_at <= ?");
      args.add(LocalDateTime.ofInstant(query.createdTo(), ZoneOffset.UTC));
    }
    sql.append(" ORDER BY created_at DESC, seq DESC FETCH FIRST ").append(query.limit()).append(" ROWS ONLY");
    return read(
        "Listing jobs",
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
              p.setObject(i + 1, args.get(i));
            }
            return docs(p, ResourceKind.JOB);
          }
        });
  }

  @Override
  public List<ObjectNode> listJobErrors(String jobId, boolean unresolvedOnly, int limit) {
    Documents.requireLimit(limit);
    Documents.requireId(jobId, ResourceKind.JOB);
    String sql = "SELECT id, doc FROM job_errors WHERE job_id = ?" + (unresolvedOnly ? " AND resolved = ?" : "")
        + " ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY";
    return read(
        "Listing the errors of job '" + jobId + "'",
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, jobId);
            if (unresolvedOnly) {
              p.setBoolean(2, false);
            }
            return docs(p, ResourceKind.JOB_ERROR);
          }
        });
  }

  @Override
  public long countJobErrors(String jobId, boolean unresolvedOnly) {
    Documents.requireId(jobId, ResourceKind.JOB);
    String sql = "SELECT COUNT(*) FROM job_errors WHERE job_id = ?" + (unresolvedOnly ? " AND resolved = ?" : "");
    return read(
        "Counting the errors of job '" + jobId + "'",
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, jobId);
            if (unresolvedOnly) {
              p.setBoolean(2, false);
            }
            try (ResultSet r = p.executeQuery()) {
              r.next();
              return r.getLong(1);
            }
          }
        });
  }

  // ---- run state

  @Override
  public Optional<JsonNode> getState(String scope, String key) {
    checkState(scope, key);
    return read("Reading state '" + key + "'", c -> JdbcRunState.get(c, MAPPER, scope, key));
  }

  @Override
  public void putState(String scope, String key, JsonNode value) {
    checkState(scope, key);
    String json = Documents.requireValue(value).toString();
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (int attempt = 1; ; attempt++) {
      try {
        write("Saving state '" + key + "'", tx -> JdbcRunState.upsert(((SqlTx) tx).c, scope, key, json, now));
        return;
      } catch (DuplicateKeyException e) {
        if (attempt >= 3) {
          throw new StoreException("Saving state '" + key + "' collided with concurrent writers; try again", e);
        }
      }
    }
  }

  @Override
  public void deleteState(String scope, String key) {
    checkState(scope, key);
    write("Deleting state '" + key + "'", tx -> JdbcRunState.delete(((SqlTx) tx).c, scope, key));
  }

  @Override
  public List<String> stateKeys(String scope) {
    Documents.requireName(scope, "scope", Documents.MAX_SCOPE_LENGTH);
    return read("Listing state keys", c -> JdbcRunState.keys(c, scope));
  }

  private static void checkState(String scope, String key) {
    Documents.requireName(scope, "scope", Documents.MAX_SCOPE_LENGTH);
    Documents.requireName(key, "key", Documents.MAX_KEY_LENGTH);
  }

  // ---- webhook queue

  @Override
  public List<Long> enqueueWebhook(String exportId, List<String> flowIds,
      com.fasterxml.jackson.databind.node.ArrayNode records) {
    WebhookQueueArgs.check(exportId, flowIds, records);
    String json = records.toString();
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    return write("Queuing a webhook payload of Export '" + exportId + "'",
        tx -> JdbcWebhookQueue.insert(((SqlTx) tx).c, exportId, flowIds, json, now));
  }

  @Override
  public List<QueuedPayload> queuedWebhooks(String flowId, String exportId, long afterSeq,
      long maxSeq, int limit) {
    Documents.requireLimit(limit);
    return read("Reading the webhook queue of Flow '" + flowId + "'",
        c -> JdbcWebhookQueue.list(c, MAPPER, flowId, exportId, afterSeq, maxSeq, limit));
  }

  @Override
  public long lastQueuedWebhook(String flowId) {
    return read("Reading the webhook queue of Flow '" + flowId + "'",
        c -> JdbcWebhookQueue.last(c, flowId));
  }

  @Override
  public long countQueuedWebhooks(String flowId) {
    return read("Counting the webhook queue of Flow '" + flowId + "'",
        c -> JdbcWebhookQueue.count(c, flowId));
  }

  @Override
  public List<String> webhookQueueFlows() {
    return read("Listing the webhook queue", JdbcWebhookQueue::flows);
  }

  @Override
  public void dequeueWebhooks(List<Long> seqs) {
    if (seqs.isEmpty()) {
      return;
    }
    write("Removing queued webhook payloads", tx -> JdbcWebhookQueue.delete(((SqlTx) tx).c, seqs));
  }

  /** Names the database (URL without parameters), never the password. */
  @Override
  public String toString() {
    return "JdbcStore[" + db.location() + "]";
  }

  @Override
  public void close() {
    if (markClosed()) {
      db.close();
    }
  }
}
