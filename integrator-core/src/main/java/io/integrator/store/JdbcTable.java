package io.integrator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The tables that hold documents, with the indexed columns each derives from a document. Jobs and
 * job errors have their own tables; every other kind (retries and distributed documents included)
 * is a row of {@code resources} keyed by (kind, id).
 */
enum JdbcTable {
  RESOURCES(
      "resources",
      List.of(
          new Column("api_identifier", Types.VARCHAR,
              (k, d) -> Documents.hasApiIdentifier(k) ? Documents.text(d, Documents.API_IDENTIFIER) : null),
          new Column("created_at", Types.TIMESTAMP, (k, d) -> timestamp(d, Documents.CREATED_AT)))),
  JOBS(
      "jobs",
      List.of(
          text("integration_id", "_integrationId"),
          text("flow_id", "_flowId"),
          text("export_id", "_exportId"),
          text("import_id", "_importId"),
          text("flow_job_id", "_flowJobId"),
          text("job_status", "status"),
          text("job_type", "type"),
          new Column("created_at", Types.TIMESTAMP, (k, d) -> timestamp(d, Documents.CREATED_AT)))),
  JOB_ERRORS(
      "job_errors",
      List.of(
          text("job_id", "_jobId"),
          new Column("resolved", Types.BOOLEAN, (k, d) -> Documents.resolved(d)),
          new Column("created_at", Types.TIMESTAMP, (k, d) -> timestamp(d, Documents.CREATED_AT))));

  /** A column derived from a document. */
  record Column(String name, int sqlType, BiFunction<ResourceKind, ObjectNode, Object> value) {}

  final String name;
  final List<Column> columns;
  final String insertSql;
  final String updateSql;
  final String selectSql;
  final String existsSql;
  final String deleteSql;
  final String listSql;

  JdbcTable(String name, List<Column> columns) {
    this.name = name;
    this.columns = columns;
    boolean byKind = "resources".equals(name);
    String key = byKind ? " WHERE kind = ? AND id = ?" : " WHERE id = ?";
    String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
    String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    this.insertSql = "INSERT INTO " + name + " (" + (byKind ? "kind, " : "") + "id, " + names
        + ", last_modified, doc) VALUES (" + (byKind ? "?, " : "") + "?, " + marks + ", ?, ?)";
    this.updateSql = "UPDATE " + name + " SET "
        + columns.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", "))
        + ", last_modified = ?, doc = ?" + key;
    this.selectSql = "SELECT doc FROM " + name + key;
    this.existsSql = "SELECT 1 FROM " + name + key;
    this.deleteSql = "DELETE FROM " + name + key;
    this.listSql = "SELECT id, doc FROM " + name + (byKind ? " WHERE kind = ?" : "") + " ORDER BY seq";
  }

  boolean byKind() {
    return this == RESOURCES;
  }

  static JdbcTable of(ResourceKind kind) {
    return switch (kind) {
      case JOB -> JOBS;
      case JOB_ERROR -> JOB_ERRORS;
      default -> RESOURCES;
    };
  }

  /** Binds the key (kind, id) starting at {@code index}; returns the next index. */
  int bindKey(PreparedStatement p, int index, ResourceKind kind, String id) throws SQLException {
    if (byKind()) {
      p.setString(index++, kind.name());
    }
    p.setString(index++, id);
    return index;
  }

  /** Binds the derived columns, last_modified and doc starting at {@code index}. */
  int bindValues(PreparedStatement p, int index, ResourceKind kind, ObjectNode plain, String json)
      throws SQLException {
    for (Column c : columns) {
      Object v = c.value().apply(kind, plain);
      if (v == null) {
        p.setNull(index++, c.sqlType());
      } else {
        p.setObject(index++, v);
      }
    }
    LocalDateTime lm = timestamp(plain, Documents.LAST_MODIFIED);
    p.setObject(index++, lm != null ? lm : LocalDateTime.now(ZoneOffset.UTC));
    p.setString(index++, json);
    return index;
  }

  private static Column text(String column, String field) {
    return new Column(column, Types.VARCHAR, (k, d) -> Documents.text(d, field));
  }

  static LocalDateTime timestamp(ObjectNode doc, String field) {
    Instant i = Documents.parseInstant(doc.get(field));
    return i == null ? null : LocalDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
