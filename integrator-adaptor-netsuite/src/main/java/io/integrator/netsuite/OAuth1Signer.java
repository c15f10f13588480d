package io.integrator.netsuite;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests with OAuth 1.0a (RFC 5849) the way NetSuite token-based authentication wants:
 * {@code HMAC-SHA256}, {@code realm} = the account id, consumer key and secret from the
 * connection's IClient, token id and secret from the connection. Thread-safe; never logs.
 */
final class OAuth1Signer {
  static final String HMAC_SHA256 = "HMAC-SHA256";
  static final String HMAC_SHA1 = "HMAC-SHA1";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] NONCE_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

  private final String realm;
  private final String consumerKey;
  private final String consumerSecret;
  private final String token;
  private final String tokenSecret;
  private final String method;
  private final Supplier<String> nonces;
  private final LongSupplier seconds;

  OAuth1Signer(String realm, String consumerKey, String consumerSecret, String token,
      String tokenSecret, String method, Supplier<String> nonces, LongSupplier seconds) {
    this.realm = realm;
    this.consumerKey = Objects.requireNonNull(consumerKey, "consumerKey");
    this.consumerSecret = Objects.requireNonNull(consumerSecret, "consumerSecret");
    this.token = Objects.requireNonNull(token, "token");
    this.tokenSecret = Objects.requireNonNull(tokenSecret, "tokenSecret");
    this.method = Objects.requireNonNull(method, "method");
    this.nonces = nonces;
    this.seconds = seconds;
  }

  /** A NetSuite signer: HMAC-SHA256, a random 20-character nonce, the current time. */
  static OAuth1Signer netsuite(String account, String consumerKey, String consumerSecret,
      String tokenId, String tokenSecret) {
    return new OAuth1Signer(account, consumerKey, consumerSecret, tokenId, tokenSecret,
        HMAC_SHA256, OAuth1Signer::randomNonce, () -> System.currentTimeMillis() / 1000);
  }

  static String randomNonce() {
    char[] c = new char[20];
    for (int i = 0; i < c.length; i++) {
      c[i] = NONCE_CHARS[RANDOM.nextInt(NONCE_CHARS.length)];
    }
    return new String(c);
  }

  /**
   * The {@code Authorization} header value for one request.
   *
   * @param httpMethod {@code GET}, {@code POST}, ...
   * @param url the request URL; its query parameters are signed
   * @param formParams form-encoded body parameters (signed too), or an empty list for JSON bodies
   */
  String authorization(String httpMethod, URI url, List<Map.Entry<String, String>> formParams) {
    List<Map.Entry<String, String>> oauth = new ArrayList<>();
    oauth.add(Map.entry("oauth_consumer_key", consumerKey));
    oauth.add(Map.entry("oauth_nonce", nonces.get()));
    oauth.add(Map.entry("oauth_signature_method", method));
    oauth.add(Map.entry("oauth_timestamp", Long.toString(seconds.getAsLong())));
    oauth.add(Map.entry("oauth_token", token));
    oauth.add(Map.entry("oauth_version", "1.0"));
    List<Map.Entry<String, String>> all = new ArrayList<>(oauth);
    all.addAll(queryParams(url));
    all.addAll(formParams);
    String signature = sign(baseString(httpMethod, url, all), consumerSecret, tokenSecret, method);
    StringBuilder h = new StringBuilder("OAuth ");
    if (realm != null && !realm.isEmpty()) {
      h.append("realm=\"").append(percentEncode(realm)).append("\", ");
    }
    for (Map.Entry<String, String> e : oauth) {
      h.append(percentEncode(e.getKey())).append("=\"").append(percentEncode(e.getValue()))
          .append("\", ");
    }
    return h.append("oauth_signature=\"").append(percentEncode(signature)).append('"').toString();
  }

  /** RFC 5849 §3.4.1: method, base URI and the normalized parameters, each encoded, joined by &. */
  static String baseString(String httpMethod, URI url, List<Map.Entry<String, String>> params) {
    List<String> pairs = new ArrayList<>(params.size());
    for (Map.Entry<String, String> e : params) {
      pairs.add(percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()));
    }
    pairs.sort(null); // encoded name, then encoded value, byte order (all ASCII after encoding)
    return httpMethod.toUpperCase(java.util.Locale.ROOT) + "&" + percentEncode(baseUri(url))
        + "&" + percentEncode(String.join("&", pairs));
  }

  /** RFC 5849 §3.4.1.2: lower-case scheme and host, default port left out, no query. */
  static String baseUri(URI url) {
    String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
    String host = url.getHost().toLowerCase(java.util.Locale.ROOT);
    int port = url.getPort();
    boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
        || ("https".equals(scheme) && port == 443);
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
  }

  /** The decoded query parameters of a URL, in order. */
  static List<Map.Entry<String, String>> queryParams(URI url) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    String q = url.getRawQuery();
    if (q == null || q.isEmpty()) {
      return out;
    }
    for (String part : q.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq);
      String v = eq < 0 ? "" : part.substring(eq + 1);
      out.add(Map.entry(decode(k), decode(v)));
    }
    return out;
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The base64 signature of a base string with {@code enc(consumerSecret)&enc(tokenSecret)}. */
  static String sign(String baseString, String consumerSecret, String tokenSecret, String method) {
    String algorithm = switch (method) {
      case HMAC_SHA256 -> "HmacSHA256";
      case HMAC_SHA1 -> "HmacSHA1";
      default -> throw new IllegalArgumentException("unsupported signature method " + method);
    };
    String key = percentEncode(consumerSecret) + "&" + percentEncode(tokenSecret);
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return Base64.getEncoder().encodeToString(
          mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available in this JVM", e);
    }
  }

  /** RFC 5849 §3.6: UTF-8, every byte but ALPHA, DIGIT, '-', '.', '_', '~' as %XX (upper case). */
  static String percentEncode(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }
}
