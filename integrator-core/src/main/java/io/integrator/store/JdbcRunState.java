package io.integrator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the {@code run_state} table, one method per operation on a given connection. The
 * upsert is portable: UPDATE, then INSERT when no row was updated (a concurrent INSERT surfaces as
 * a duplicate key, which the caller retries).
 */
final class JdbcRunState {
  private JdbcRunState() {}

  static Optional<JsonNode> get(Connection c, ObjectMapper mapper, String scope, String key) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT state_value FROM run_state WHERE scope = ? AND state_key = ?")) {
      p.setString(1, scope);
      p.setString(2, key);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        try {
          return Optional.of(mapper.readTree(r.getString(1)));
        } catch (JsonProcessingException e) {
          throw new StoreException("The stored state '" + key + "' is damaged (not valid JSON); delete it", e);
        }
      }
    }
  }

  static Void upsert(Connection c, String scope, String key, String json, LocalDateTime now) throws SQLException {
    try (PreparedStatement u = c.prepareStatement(
        "UPDATE run_state SET state_value = ?, last_modified = ? WHERE scope = ? AND state_key = ?")) {
      u.setString(1, json);
      u.setObject(2, now);
      u.setString(3, scope);
      u.setString(4, key);
      if (u.executeUpdate() > 0) {
        return null;
      }
    }
    try (PreparedStatement i = c.prepareStatement(
        "INSERT INTO run_state (scope, state_key, state_value, last_modified) VALUES (?, ?, ?, ?)")) {
      i.setString(1, scope);
      i.setString(2, key);
      i.setString(3, json);
      i.setObject(4, now);
      i.executeUpdate();
    }
    return null;
  }

  static Void delete(Connection c, String scope, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM run_state WHERE scope = ? AND state_key = ?")) {
      p.setString(1, scope);
      p.setString(2, key);
      p.executeUpdate();
    }
    return null;
  }

  /** The keys of a scope in ascending order (sorted in Java: database collations differ). */
  static List<String> keys(Connection c, String scope) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT state_key FROM run_state WHERE scope = ?")) {
      p.setString(1, scope);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
    }
    out.sort(null);
    return out;
  }
}
