package io.integrator.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Opens stores. Which one to choose:
 *
 * <ul>
 *   <li>{@link #h2File(Path)}: the default for a project, {@code Stores.h2File(<project>/.integrator)}:
 *       an embedded H2 database in {@code <dir>/state.mv.db}, surviving restarts, one process at a
 *       time;
 *   <li>{@link #jdbc(String, String, String)} or {@link #jdbc(DataSource)}: a shared database,
 *       e.g. PostgreSQL ({@code jdbc:postgresql://host:5432/integrator}; the driver must be on the
 *       class path);
 *   <li>{@link #inMemory()}: tests and throw-away runs.
 * </ul>
 *
 * <p>Every JDBC store creates or upgrades its tables on open. Each method has an overload that takes
 * {@link StoreOptions} (secret locator, key provider, clock).
 */
public final class Stores {
  /** The H2 database name inside an {@link #h2File} directory. */
  public static final String H2_FILE_NAME = "state";

  /** The H2 user of an {@link #h2File} database (empty password), for inspecting it with H2 tools. */
  public static final String H2_USER = "sa";

  /** The default key file name inside an {@link #h2File} directory. */
  public static final String KEY_FILE_NAME = "secret.key";

  private Stores() {}

  /**
   * An in-memory store with default options.
   *
   * @return a new, empty store
   */
  public static ResourceStore inMemory() {
    return inMemory(StoreOptions.defaults());
  }

  /**
   * An in-memory store.
   *
   * @param options the options (the key provider is not used: nothing is written to disk)
   * @return a new, empty store
   */
  public static ResourceStore inMemory(StoreOptions options) {
    return new InMemoryStore(Objects.requireNonNull(options, "options"));
  }

  /**
   * An embedded H2 store in file mode in {@code directory} (created if needed), with default options.
   * The secret key, if one is needed, comes from {@value SecretKeyProvider#ENV_VAR} or {@code
   * <directory>/secret.key}.
   *
   * @param directory for a project, {@code <project>/.integrator}
   * @return the opened store
   * @throws StoreException if the directory cannot be created or the database is locked by another
   *     process
   */
  public static ResourceStore h2File(Path directory) {
    return h2File(directory, StoreOptions.defaults());
  }

  /**
   * An embedded H2 store in file mode in {@code directory} (created if needed).
   *
   * @param directory for a project, {@code <project>/.integrator}
   * @param options the options; without a key provider the default chain with {@code
   *     <directory>/secret.key} is used
   * @return the opened store
   * @throws StoreException if the directory cannot be created or the database is locked by another
   *     process
   */
  public static ResourceStore h2File(Path directory, StoreOptions options) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    Path dir = directory.toAbsolutePath().normalize();
    if (dir.toString().contains(";")) {
      throw new IllegalArgumentException(
          "The store directory must not contain ';' (H2 reads it as a setting): " + dir);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException(
          "Cannot create the store directory " + dir + " (" + e.getClass().getSimpleName()
              + "); check its permissions or choose another directory", e);
    }
    String url = "jdbc:h2:file:" + dir.resolve(H2_FILE_NAME).toString().replace('\\', '/');
    return new JdbcStore(
        JdbcConnections.of(url, H2_USER, ""),
        options,
        SecretKeyProvider.defaultChain(dir.resolve(KEY_FILE_NAME)));
  }

  /**
   * A store in the database at a JDBC URL, with default options (the secret key, if one is needed,
   * comes from {@value SecretKeyProvider#ENV_VAR}).
   *
   * @param url for example {@code jdbc:postgresql://localhost:5432/integrator} or {@code
   *     jdbc:h2:mem:test}
   * @param user the user, or null
   * @param password the password, or null; never logged
   * @return the opened store
   */
  public static ResourceStore jdbc(String url, String user, String password) {
    return jdbc(url, user, password, StoreOptions.defaults());
  }

  /**
   * A store in the database at a JDBC URL.
   *
   * @param url the JDBC URL
   * @param user the user, or null
   * @param password the password, or null; never logged
   * @param options the options; without a key provider {@link SecretKeyProvider#fromEnvironment()}
   *     is used
   * @return the opened store
   */
  public static ResourceStore jdbc(String url, String user, String password, StoreOptions options) {
    if (url == null || !url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("A JDBC URL must start with jdbc:, e.g. jdbc:postgresql://host:5432/db");
    }
    Objects.requireNonNull(options, "options");
    return new JdbcStore(JdbcConnections.of(url, user, password), options, SecretKeyProvider.fromEnvironment());
  }

  /**
   * A store in the database behind a {@link DataSource} (for example the host application's pool),
   * with default options.
   *
   * @param dataSource the data source; one connection is borrowed per operation
   * @return the opened store
   */
  public static ResourceStore jdbc(DataSource dataSource) {
    return jdbc(dataSource, StoreOptions.defaults());
  }

  /**
   * A store in the database behind a {@link DataSource}.
   *
   * @param dataSource the data source; one connection is borrowed per operation
   * @param options the options; without a key provider {@link SecretKeyProvider#fromEnvironment()}
   *     is used
   * @return the opened store
   */
  public static ResourceStore jdbc(DataSource dataSource, StoreOptions options) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(options, "options");
    return new JdbcStore(JdbcConnections.of(dataSource), options, SecretKeyProvider.fromEnvironment());
  }
}
