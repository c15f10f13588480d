package io.integrator.store;

import io.integrator.model.Secrets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings for a store, passed to the {@link Stores} factory methods:
 *
 * <pre>{@code
 * ResourceStore store = Stores.h2File(projectDir.resolve(".integrator"),
 *     StoreOptions.defaults().withKeyProvider(SecretKeyProvider.fromFile(keyFile)));
 * }</pre>
 *
 * <ul>
 *   <li>{@link #withSecretLocator} where the secrets are in a document; default {@link
 *       Secrets#secretPaths}, the secret fields the resource schemas declare (so every store
 *       encrypts them without being told);
 *   <li>{@link #withKeyProvider} the AES key for secrets at rest (JDBC stores only). When unset, an
 *       H2 file store uses {@link SecretKeyProvider#defaultChain} with {@code <dir>/secret.key}, and
 *       other JDBC stores use {@link SecretKeyProvider#fromEnvironment()};
 *   <li>{@link #withClock} the clock for {@code lastModified} and {@code createdAt}; default UTC
 *       system clock (tests may fix it).
 * </ul>
 */
public final class StoreOptions {
  private static final StoreOptions DEFAULTS = new StoreOptions(Secrets::secretPaths, null, Clock.systemUTC());

  private final SecretLocator secretLocator;
  private final SecretKeyProvider keyProvider;
  private final Clock clock;

  private StoreOptions(SecretLocator secretLocator, SecretKeyProvider keyProvider, Clock clock) {
    this.secretLocator = secretLocator;
    this.keyProvider = keyProvider;
    this.clock = clock;
  }

  /** {@return the defaults: the schemas' secret fields, default key chain, system clock} */
  public static StoreOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy that uses the given secret locator.
   *
   * @param locator for example {@code Secrets::secretPaths}
   * @return the new options
   */
  public StoreOptions withSecretLocator(SecretLocator locator) {
    return new StoreOptions(Objects.requireNonNull(locator, "locator"), keyProvider, clock);
  }

  /**
   * Returns a copy that uses the given key provider for secrets at rest.
   *
   * @param provider the key provider
   * @return the new options
   */
  public StoreOptions withKeyProvider(SecretKeyProvider provider) {
    return new StoreOptions(secretLocator, Objects.requireNonNull(provider, "provider"), clock);
  }

  /**
   * Returns a copy that uses the given clock for timestamps.
   *
   * @param clock the clock
   * @return the new options
   */
  public StoreOptions withClock(Clock clock) {
    return new StoreOptions(secretLocator, keyProvider, Objects.requireNonNull(clock, "clock"));
  }

  /** {@return the secret locator} */
  public SecretLocator secretLocator() {
    return secretLocator;
  }

  /** {@return the key provider, if one was set; empty means the store's default} */
  public Optional<SecretKeyProvider> keyProvider() {
    return Optional.ofNullable(keyProvider);
  }

  /** {@return the clock for timestamps} */
  public Clock clock() {
    return clock;
  }
}
