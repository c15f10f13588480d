package io.integrator.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Supplies the 256-bit AES key that the JDBC store uses to encrypt secrets at rest.
 *
 * <p>Where the key comes from, in the default order ({@link #defaultChain(Path)}):
 *
 * <ol>
 *   <li>the environment variable {@value #ENV_VAR}: the base64 of 32 random bytes, made for
 *       example with {@code head -c 32 /dev/urandom | base64};
 *   <li>otherwise a key file, by default {@code <store directory>/secret.key}, holding the same
 *       base64 text. It is created on first use with owner-only permissions ({@code rw-------})
 *       where the file system supports POSIX permissions.
 * </ol>
 *
 * <p>The key is only asked for when a secret is written or read, so a store without secrets never
 * needs one. Losing the key makes the stored secrets unreadable (the store then says so); back it up
 * together with the database. Providers cache the key after the first successful call.
 */
@FunctionalInterface
public interface SecretKeyProvider {

  /** The environment variable that holds the base64 key. */
  String ENV_VAR = "INTEGRATOR_SECRET_KEY";

  /**
   * Returns the key.
   *
   * @return 32 bytes; a fresh copy the caller may wipe
   * @throws StoreException if no key is available or the configured value is not a valid key; the
   *     message says how to make one
   */
  byte[] key();

  /**
   * A provider that reads {@value #ENV_VAR}. Calling {@link #key()} fails with a clear message when
   * the variable is unset or not the base64 of 32 bytes.
   *
   * @return the provider
   */
  static SecretKeyProvider fromEnvironment() {
    return Keys.fromEnvironment(System::getenv);
  }

  /**
   * A provider that reads the key file, creating it with a new random key (owner-only permissions)
   * when it does not exist.
   *
   * @param keyFile the key file, e.g. {@code .integrator/secret.key}
   * @return the provider
   */
  static SecretKeyProvider fromFile(Path keyFile) {
    Objects.requireNonNull(keyFile, "keyFile");
    return Keys.fromFile(keyFile.toAbsolutePath());
  }

  /**
   * A provider of a fixed key.
   *
   * @param key 32 bytes (copied)
   * @return the provider
   * @throws IllegalArgumentException if the key is not 32 bytes long
   */
  static SecretKeyProvider of(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != Keys.KEY_BYTES) {
      throw new IllegalArgumentException(
          "A secret key must be 32 bytes (AES-256), got " + key.length + " bytes");
    }
    byte[] copy = key.clone();
    return copy::clone;
  }

  /**
   * The default chain: {@value #ENV_VAR} when it is set, otherwise the key file.
   *
   * @param keyFile the key file used when the environment variable is not set
   * @return the provider
   */
  static SecretKeyProvider defaultChain(Path keyFile) {
    Objects.requireNonNull(keyFile, "keyFile");
    return Keys.chain(System::getenv, keyFile.toAbsolutePath());
  }
}
