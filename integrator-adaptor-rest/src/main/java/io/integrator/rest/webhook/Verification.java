package io.integrator.rest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request against an export's {@code webhook.verify} (REFERENCE §3.8). Every secret is
 * compared in constant time: both sides are hashed with SHA-256 and the digests compared with
 * {@link MessageDigest#isEqual}, which hides the expected length too. Failure reasons name the
 * check and the header or field, never a secret or the value received.
 */
final class Verification {
  private Verification() {}

  /** A request that did not pass verification; the message is safe to send back. */
  static final class Failed extends Exception {
    private static final long serialVersionUID = 1L;

    Failed(String reason) {
      super(reason);
    }
  }

  /** The checks that need only the URL, headers, query and raw body. */
  static void beforeParse(JsonNode w, WebhookRequest req, String urlToken) throws Failed {
    switch (verify(w)) {
      case "secret_url" -> {
        if (urlToken == null || !same(urlToken, text(w, "token"))) {
          throw new Failed("the URL does not carry this export's secret");
        }
      }
      case "hmac" -> hmac(w, req);
      case "basic" -> basic(w, req);
      case "token" -> {
        String location = w.path("tokenLocation").asText("body");
        if ("header".equals(location)) {
          headerToken(w, req);
        } else if ("queryParam".equals(location)) {
          String name = text(w, "tokenQueryParamName");
          String given = Query.parse(req.query()).first(name);
          if (given == null || !same(given, text(w, "token"))) {
            throw new Failed("query parameter '" + name + "' is missing or does not match the token");
          }
        }
      }
      default -> throw new Failed("webhook.verify '" + verify(w) + "' is not one of token, hmac,"
          + " basic, secret_url");
    }
  }

  /** The {@code token} check in the body ({@code tokenLocation} body, the default). */
  static void afterParse(JsonNode w, JsonNode payload) throws Failed {
    if (!"token".equals(verify(w)) || !"body".equals(w.path("tokenLocation").asText("body"))) {
      return;
    }
    String path = text(w, "path");
    JsonNode at = Paths.at(payload, path);
    if (at == null || !at.isValueNode() || at.isNull() || !same(at.asText(), text(w, "token"))) {
      throw new Failed("the body's '" + path + "' is missing or does not match the token");
    }
  }

  static String verify(JsonNode w) {
    return w.path("verify").asText("").toLowerCase(Locale.ROOT);
  }

  private static void hmac(JsonNode w, WebhookRequest req) throws Failed {
    String header = text(w, "header");
    String given = req.header(header);
    if (given == null || given.isBlank()) {
      throw new Failed("header '" + header + "' with the HMAC signature is missing");
    }
    String algorithm = text(w, "algorithm").toLowerCase(Locale.ROOT);
    String javaName = switch (algorithm) {
      case "sha1" -> "HmacSHA1";
      case "sha256" -> "HmacSHA256";
      case "sha384" -> "HmacSHA384";
      case "sha512" -> "HmacSHA512";
      default -> throw new Failed("webhook.algorithm '" + algorithm + "' is not one of sha1,"
          + " sha256, sha384, sha512");
    };
    byte[] expected;
    try {
      Mac mac = Mac.getInstance(javaName);
      mac.init(new SecretKeySpec(text(w, "key").getBytes(StandardCharsets.UTF_8), javaName));
      expected = mac.doFinal(req.body());
    } catch (GeneralSecurityException e) {
      throw new Failed("the HMAC could not be computed (" + e.getClass().getSimpleName() + ")");
    }
    String value = given.trim();
    String prefix = algorithm + "=";
    if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
      value = value.substring(prefix.length());
    }
    byte[] received = decode(value, text(w, "encoding").toLowerCase(Locale.ROOT));
    if (received == null || !MessageDigest.isEqual(expected, received)) {
      throw new Failed("the HMAC signature in header '" + header + "' does not match the body");
    }
  }

  private static byte[] decode(String value, String encoding) {
    try {
      if ("base64".equals(encoding)) {
        try {
          return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notStandard) {
          return Base64.getUrlDecoder().decode(value);
        }
      }
      if (value.length() % 2 != 0) {
        return null;
      }
      byte[] out = new byte[value.length() / 2];
      for (int i = 0; i < out.length; i++) {
        int hi = Character.digit(value.charAt(2 * i), 16);
        int lo = Character.digit(value.charAt(2 * i + 1), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out[i] = (byte) (hi << 4 | lo);
      }
      return out;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void basic(JsonNode w, WebhookRequest req) throws Failed {
    String auth = req.header("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw new Failed("the Authorization header with Basic credentials is missing");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new Failed("the Basic credentials are not valid base64");
    }
    int colon = decoded.indexOf(':');
    String user = colon < 0 ? decoded : decoded.substring(0, colon);
    String password = colon < 0 ? "" : decoded.substring(colon + 1);
    boolean userOk = same(user, text(w, "username"));
    boolean passwordOk = same(password, text(w, "password"));
    if (!(userOk & passwordOk)) {
      throw new Failed("the Basic credentials do not match");
    }
  }

  private static void headerToken(JsonNode w, WebhookRequest req) throws Failed {
    String name = text(w, "tokenHeaderName");
    String value = req.header(name);
    if (value == null) {
      throw new Failed("header '" + name + "' with the token is missing");
    }
    String scheme = switch (w.path("tokenHeaderScheme").asText("bearer").toLowerCase(Locale.ROOT)) {
      case "none" -> "";
      case "custom" -> text(w, "customTokenScheme");
      default -> "Bearer";
    };
    String token = value.trim();
    if (!scheme.isEmpty()) {
      if (!token.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
        throw new Failed("header '" + name + "' does not start with the scheme '" + scheme + "'");
      }
      token = token.substring(scheme.length() + 1).trim();
    }
    if (!same(token, text(w, "token"))) {
      throw new Failed("the token in header '" + name + "' does not match");
    }
  }

  private static String text(JsonNode w, String field) {
    return w.path(field).asText("");
  }

  /** Constant-time equality of two strings, whatever their lengths. */
  static boolean same(String given, String expected) {
    if (expected.isEmpty()) {
      return false; // an unset secret never matches
    }
    return MessageDigest.isEqual(sha256(given), sha256(expected));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
