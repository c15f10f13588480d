package io.integrator.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The JDBC store's connection handling: one connection per operation, from a {@link DataSource} or
 * from {@link DriverManager}, each operation in its own transaction. For H2 one extra connection
 * is held open for the store's lifetime so that the database is not closed and reopened between
 * operations (and an in-memory H2 database is not lost); closing the store closes it, which
 * releases the H2 file lock. Also turns {@link SQLException}s into one-line {@link StoreException}s.
 */
final class JdbcConnections implements AutoCloseable {
  /** Work on one connection. */
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final String url;
  private final String user;
  private final String password;
  private final String location;
  private Connection keeper;
  private boolean postgres;

  private JdbcConnections(DataSource dataSource, String url, String user, String password, String location) {
    this.dataSource = dataSource;
    this.url = url;
    this.user = user;
    this.password = password;
    this.location = location;
  }

  static JdbcConnections of(String url, String user, String password) {
    return new JdbcConnections(null, url, user, password, displayUrl(url));
  }

  static JdbcConnections of(DataSource dataSource) {
    return new JdbcConnections(dataSource, null, null, null, "the configured DataSource");
  }

  /** The URL without parameters, which may carry a password. */
  static String displayUrl(String url) {
    int cut = url.length();
    for (char c : new char[] {'?', ';'}) {
      int i = url.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return url.substring(0, cut);
  }

  /** Connects once, checks the database and, for H2, keeps that connection open. */
  void start() {
    try {
      Connection c = connect();
      boolean keep = false;
      try {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        postgres = product.contains("postgres");
        keep = product.contains("h2");
      } finally {
        if (keep) {
          keeper = c;
        } else {
          c.close();
        }
      }
    } catch (SQLException e) {
      throw failure("Opening the store", e);
    }
  }

  boolean isPostgres() {
    return postgres;
  }

  String location() {
    return location;
  }

  private Connection connect() throws SQLException {
    return dataSource != null ? dataSource.getConnection() : DriverManager.getConnection(url, user, password);
  }

  /** Runs work in one transaction on a fresh connection; rolls back on any failure. */
  <T> T inTransaction(SqlWork<T> work) throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
  }

  /** True for a unique or primary key violation (SQLSTATE 23505 in H2 and PostgreSQL). */
  static boolean isDuplicateKey(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if ("23505".equals(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A one-line StoreException that says what failed and what to do. */
  StoreException failure(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message;
    if (e.getErrorCode() == 90020 || state.equals("90020")) {
      message = what + " failed: the store at " + location
          + " is locked by another process (is another integrator using this project?); stop it or use another store directory";
    } else if (state.equals("28000") || state.equals("28P01")) {
      message = what + " failed: the database at " + location + " rejected the user name or password; check them";
    } else if (String.valueOf(e.getMessage()).startsWith("No suitable driver")) {
      message = what + " failed: no JDBC driver on the class path accepts " + location
          + "; add the database's driver (for PostgreSQL: org.postgresql:postgresql) or fix the URL";
    } else if (state.startsWith("08") || state.equals("90067") || causedByNetwork(e)) {
      message = what + " failed: cannot connect to the database at " + location + " (" + firstLine(e)
          + "); check that it is running and that the URL is right";
    } else if (state.equals("90048") || state.equals("90030") || e.getErrorCode() == 90030) {
      message = what + " failed: the store files at " + location
          + " are damaged or not an H2 database; restore them from a backup or move them away to start empty";
    } else {
      message = what + " failed in the store at " + location + " (SQLSTATE " + state + ": " + firstLine(e)
          + "); check that the database is reachable, writable and not full";
    }
    return new StoreException(message, e);
  }

  private static boolean causedByNetwork(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  /** The first line of the driver's message, without the URL's parameters or the password. */
  private String firstLine(SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (url != null) {
      m = m.replace(url, location);
    }
    if (password != null && password.length() >= 3) {
      m = m.replace(password, "***");
    }
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    return m.length() > 200 ? m.substring(0, 200) + "..." : m;
  }

  @Override
  public synchronized void close() {
    if (keeper != null) {
      try {
        keeper.close();
      } catch (SQLException ignored) {
        // closing: nothing useful to do
      }
      keeper = null;
    }
  }
}
