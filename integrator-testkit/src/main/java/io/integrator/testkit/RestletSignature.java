package io.integrator.testkit;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the OAuth 1.0a {@code Authorization} header of a RESTlet call (RFC 5849, NetSuite token-based
 * authentication): realm = account, the known consumer key and token, {@code HMAC-SHA256}, a nonce not
 * seen before, and the signature over method, URL and parameters. Written independently of the
 * adaptor's signer on purpose.
 */
final class RestletSignature {
    private final String account;
    private final String consumerKey;
    private final String consumerSecret;
    private final String tokenId;
    private final String tokenSecret;
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();

    RestletSignature(String account, String consumerKey, String consumerSecret, String tokenId, String tokenSecret) {
        this.account = account;
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.tokenId = tokenId;
        this.tokenSecret = tokenSecret;
    }

    /** @return null when the header is right, else what is wrong (for the call log, never a secret) */
    String problem(String method, URI url, String header) {
        if (header == null || !header.startsWith("OAuth ")) {
            return "no OAuth Authorization header";
        }
        Map<String, String> p = new LinkedHashMap<>();
        for (String part : header.substring(6).split(",")) {
            String kv = part.trim();
            int eq = kv.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String v = kv.substring(eq + 1).trim();
            if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
                v = v.substring(1, v.length() - 1);
            }
            p.put(decode(kv.substring(0, eq).trim()), decode(v));
        }
        if (!account.equalsIgnoreCase(p.getOrDefault("realm", ""))) {
            return "realm is not the account " + account;
        }
        if (!consumerKey.equals(p.get("oauth_consumer_key"))) {
            return "unknown consumer key";
        }
        if (!tokenId.equals(p.get("oauth_token"))) {
            return "unknown token";
        }
        if (!"HMAC-SHA256".equals(p.get("oauth_signature_method"))) {
            return "signature method is not HMAC-SHA256";
        }
        if (!"1.0".equals(p.getOrDefault("oauth_version", "1.0"))) {
            return "oauth_version is not 1.0";
        }
        String nonce = p.get("oauth_nonce");
        if (nonce == null || nonce.isEmpty() || p.get("oauth_timestamp") == null) {
            return "nonce or timestamp missing";
        }
        List<String> pairs = new ArrayList<>();
        p.forEach((k, v) -> {
            if (!"realm".equals(k) && !"oauth_signature".equals(k)) {
                pairs.add(encode(k) + "=" + encode(v));
            }
        });
        String q = url.getRawQuery();
        if (q != null) {
            for (String kv : q.split("&")) {
                int eq = kv.indexOf('=');
                pairs.add(encode(decode(eq < 0 ? kv : kv.substring(0, eq))) + "="
                        + encode(eq < 0 ? "" : decode(kv.substring(eq + 1))));
            }
        }
        java.util.Collections.sort(pairs);
        String base = method.toUpperCase(Locale.ROOT) + "&" + encode(url.getScheme() + "://" + url.getHost()
                + (url.getPort() > 0 ? ":" + url.getPort() : "") + url.getRawPath()) + "&" + encode(String.join("&", pairs));
        String expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((encode(consumerSecret) + "&" + encode(tokenSecret)).getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            expected = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        byte[] given = p.getOrDefault("oauth_signature", "").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given)) {
            return "signature does not match";
        }
        if (!nonces.add(nonce + "/" + p.get("oauth_timestamp"))) {
            return "nonce used before";
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append(String.format("%%%02X", c));
            }
        }
        return b.toString();
    }
}
