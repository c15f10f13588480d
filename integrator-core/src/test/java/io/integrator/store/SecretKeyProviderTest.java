package io.integrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyProviderTest {
  @TempDir Path dir;

  private static String base64(int bytes, int fill) {
    byte[] b = new byte[bytes];
    java.util.Arrays.fill(b, (byte) fill);
    return Base64.getEncoder().encodeToString(b);
  }

  @Test
  void environmentKeyIsDecoded() {
    SecretKeyProvider p = Keys.fromEnvironment(Map.of(SecretKeyProvider.ENV_VAR, base64(32, 7))::get);
    assertThat(p.key()).hasSize(32).containsOnly(7);
  }

  @Test
  void badEnvironmentValuesSayHowToMakeAKey() {
    assertThatThrownBy(() -> Keys.fromEnvironment(Map.of(SecretKeyProvider.ENV_VAR, "not base64 !")::get).key())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(SecretKeyProvider.ENV_VAR)
        .hasMessageContaining("head -c 32 /dev/urandom | base64")
        .hasMessageNotContaining("not base64 !");
    assertThatThrownBy(() -> Keys.fromEnvironment(Map.of(SecretKeyProvider.ENV_VAR, base64(16, 1))::get).key())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("16 bytes but must hold 32")
        .hasMessageContaining("head -c 32 /dev/urandom | base64");
    assertThatThrownBy(() -> Keys.fromEnvironment(Map.<String, String>of()::get).key())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is not set")
        .hasMessageContaining("head -c 32 /dev/urandom | base64");
  }

  @Test
  void keyFileIsCreatedOnceAndReused() throws Exception {
    Path file = dir.resolve("sub/secret.key");
    byte[] first = SecretKeyProvider.fromFile(file).key();
    byte[] again = SecretKeyProvider.fromFile(file).key();
    assertThat(first).hasSize(32).isEqualTo(again);
    assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).isEqualTo(first);
    try (var siblings = Files.list(file.getParent())) {
      assertThat(siblings).containsExactly(file); // no temp file left behind
    }
  }

  @Test
  void damagedKeyFileIsReported() throws Exception {
    Path file = dir.resolve("secret.key");
    Files.writeString(file, base64(10, 3));
    assertThatThrownBy(() -> SecretKeyProvider.fromFile(file).key())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("The key file " + file.toAbsolutePath())
        .hasMessageContaining("head -c 32 /dev/urandom | base64");
  }

  @Test
  void chainPrefersTheEnvironmentThenTheFile() {
    Path file = dir.resolve("secret.key");
    SecretKeyProvider withEnv = Keys.chain(Map.of(SecretKeyProvider.ENV_VAR, base64(32, 9))::get, file);
    assertThat(withEnv.key()).containsOnly(9);
    assertThat(file).doesNotExist();
    SecretKeyProvider withoutEnv = Keys.chain(Map.<String, String>of()::get, file);
    assertThat(withoutEnv.key()).hasSize(32);
    assertThat(file).exists();
  }

  @Test
  void fixedKeysMustBe32BytesAndAreCopied() {
    assertThatThrownBy(() -> SecretKeyProvider.of(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    byte[] key = new byte[32];
    SecretKeyProvider p = SecretKeyProvider.of(key);
    key[0] = 5;
    p.key()[1] = 6;
    assertThat(p.key()).containsOnly(0);
  }
}
