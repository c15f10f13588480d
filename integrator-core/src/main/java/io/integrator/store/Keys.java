package io.integrator.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;

/** Key loading, parsing and key-file creation behind {@link SecretKeyProvider}. */
final class Keys {
  static final int KEY_BYTES = 32;
  static final String HOW_TO =
      "make one with: head -c 32 /dev/urandom | base64";
  private static final Object FILE_LOCK = new Object();

  private Keys() {}

  /** Decodes a base64 key; {@code source} names where it came from for the error message. */
  static byte[] decode(String value, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value.trim());
    } catch (IllegalArgumentException e) {
      throw new StoreException(source + " is not valid base64; it must be the base64 of 32 random bytes: " + HOW_TO);
    }
    if (key.length != KEY_BYTES) {
      throw new StoreException(
          source + " holds " + key.length + " bytes but must hold 32 (base64 of 32 random bytes): " + HOW_TO);
    }
    return key;
  }

  static SecretKeyProvider fromEnvironment(Function<String, String> env) {
    return new Cached(
        () -> {
          String value = env.apply(SecretKeyProvider.ENV_VAR);
          if (value == null || value.isBlank()) {
            throw new StoreException(
                "No secret key: the environment variable " + SecretKeyProvider.ENV_VAR + " is not set; " + HOW_TO);
          }
          return decode(value, "The environment variable " + SecretKeyProvider.ENV_VAR);
        });
  }

  static SecretKeyProvider fromFile(Path file) {
    return new Cached(() -> loadOrCreate(file));
  }

  static SecretKeyProvider chain(Function<String, String> env, Path file) {
    SecretKeyProvider fromEnv = fromEnvironment(env);
    SecretKeyProvider fromFile = fromFile(file);
    return () -> {
      String value = env.apply(SecretKeyProvider.ENV_VAR);
      return value != null && !value.isBlank() ? fromEnv.key() : fromFile.key();
    };
  }

  private static byte[] loadOrCreate(Path file) {
    synchronized (FILE_LOCK) {
      try {
        if (!Files.exists(file)) {
          create(file);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        return decode(text, "The key file " + file);
      } catch (IOException e) {
        throw new StoreException(
            "Cannot read or create the secret key file " + file + " (" + e.getClass().getSimpleName()
                + "); check the directory's permissions or set " + SecretKeyProvider.ENV_VAR, e);
      }
    }
  }

  private static void create(Path file) throws IOException {
    Path dir = file.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    Files.deleteIfExists(tmp);
    if (posix) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(tmp);
    }
    try {
      Files.write(tmp, text);
      Files.move(tmp, file);
    } catch (FileAlreadyExistsException raced) {
      // another process created it first: use theirs
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Memoizes the first successfully loaded key; hands out copies. */
  private static final class Cached implements SecretKeyProvider {
    private final SecretKeyProvider loader;
    private volatile byte[] key;

    Cached(SecretKeyProvider loader) {
      this.loader = loader;
    }

    @Override
    public byte[] key() {
      byte[] k = key;
      if (k == null) {
        synchronized (this) {
          if (key == null) {
            key = loader.key();
          }
          k = key;
        }
      }
      return k.clone();
    }
  }
}
