package io.integrator.store;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.integrator.model.ResourceKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secret values of a document for storage and decrypts them on load. Each value (any
 * JSON value, serialized) is sealed with AES-256-GCM, a random 12-byte IV and a 128-bit tag, and
 * stored as the string {@code enc:v1:<base64(iv | ciphertext+tag)>}. Paths come from the {@link
 * SecretLocator}; missing and null values are left alone. The key is asked for lazily, only when a
 * document actually holds a secret.
 */
final class SecretCipher {
  static final String PREFIX = "enc:v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretLocator locator;
  private final Supplier<SecretKeyProvider> keys;
  private final ObjectMapper mapper;

  SecretCipher(SecretLocator locator, Supplier<SecretKeyProvider> keys, ObjectMapper mapper) {
    this.locator = locator;
    this.keys = keys;
    this.mapper = mapper;
  }

  /** Returns {@code doc} itself when it holds no secret, else a copy with secrets sealed. */
  ObjectNode encrypt(ResourceKind kind, ObjectNode doc) {
    ObjectNode out = doc;
    byte[] key = null;
    try {
      for (JsonPointer path : locator.secretPaths(kind, doc)) {
        JsonNode value = doc.at(path);
        if (value.isMissingNode() || value.isNull()) {
          continue;
        }
        if (key == null) {
          key = keys.get().key();
          out = doc.deepCopy();
        }
        Documents.set(out, path, out.textNode(seal(key, mapper.writeValueAsBytes(value))));
      }
      return out;
    } catch (IOException | GeneralSecurityException e) {
      throw new StoreException("Cannot encrypt the secrets of a new or changed " + kind.displayName() + " (" + e.getClass().getSimpleName() + ")", e);
    } finally {
      wipe(key);
    }
  }

  /**
   * Replaces sealed values at the secret paths of {@code doc} with their plain values. A value that
   * cannot be decrypted (wrong key, damaged) throws, unless {@code lenient}: then it is replaced by
   * an {@link UnreadableSecret}, so that an update that sends the secret again can repair the
   * document while an update that sends the mask back is refused.
   */
  void decrypt(ResourceKind kind, String id, ObjectNode doc, boolean lenient) {
    byte[] key = null;
    try {
      for (JsonPointer path : locator.secretPaths(kind, doc)) {
        JsonNode value = doc.at(path);
        if (!value.isTextual() || !value.asText().startsWith(PREFIX)) {
          continue;
        }
        if (key == null) {
          key = keys.get().key();
        }
        try {
          Documents.set(doc, path, mapper.readTree(open(key, value.asText().substring(PREFIX.length()))));
        } catch (StoreException e) {
          throw e;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
          StoreException failure = failure(kind, id, e);
          if (!lenient) {
            throw failure;
          }
          Documents.set(doc, path, new UnreadableSecret(failure));
        }
      }
    } finally {
      wipe(key);
    }
  }

  private static StoreException failure(ResourceKind kind, String id, Exception e) {
    String what = "Cannot decrypt the secrets of " + kind.displayName() + " '" + id + "': ";
    if (e instanceof AEADBadTagException) {
      return new StoreException(what + "the secret key is not the one they were encrypted with; restore the original key ("
          + SecretKeyProvider.ENV_VAR + " or the key file) or enter the secrets again", e);
    }
    return new StoreException(
        what + "the stored value is damaged (" + e.getClass().getSimpleName() + "); enter the secrets again", e);
  }

  /** Stands in for a secret that could not be decrypted; never stored, never returned. */
  static final class UnreadableSecret extends TextNode {
    private static final long serialVersionUID = 1L;
    final transient StoreException failure;

    UnreadableSecret(StoreException failure) {
      super("");
      this.failure = failure;
    }
  }

  private static String seal(byte[] key, byte[] plain) throws GeneralSecurityException {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
    byte[] sealed = cipher.doFinal(plain);
    Arrays.fill(plain, (byte) 0);
    return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
  }

  private static byte[] open(byte[] key, String base64) throws GeneralSecurityException {
    byte[] all = Base64.getDecoder().decode(base64);
    if (all.length < IV_BYTES + TAG_BITS / 8) {
      throw new IllegalArgumentException("too short");
    }
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
    return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
  }

  private static void wipe(byte[] key) {
    if (key != null) {
      Arrays.fill(key, (byte) 0);
    }
  }
}
