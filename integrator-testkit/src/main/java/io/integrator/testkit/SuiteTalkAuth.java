package io.integrator.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.w3c.dom.Element;

/**
 * Checks the credentials of each request: a {@code tokenPassport} (the account, a known consumer
 * key and token, an unused nonce and an HMAC-SHA256 signature over {@code
 * account&consumerKey&tokenId&nonce&timestamp} with key {@code consumerSecret&tokenSecret}) or a
 * legacy {@code passport} (email, password, account).
 */
final class SuiteTalkAuth {
  private record Token(String consumerKey, String consumerSecret, String tokenSecret) {}

  private final String account;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> users = new ConcurrentHashMap<>();
  private final Set<String> nonces = new HashSet<>();

  SuiteTalkAuth(String account) {
    this.account = account;
  }

  void token(String consumerKey, String consumerSecret, String tokenId, String tokenSecret) {
    tokens.put(tokenId, new Token(consumerKey, consumerSecret, tokenSecret));
  }

  void user(String email, String password) {
    users.put(email.toLowerCase(java.util.Locale.ROOT), password);
  }

  /**
   * Checks the SOAP header.
   *
   * @return null when the caller is authenticated, else the reason (the fake answers {@code
   *     INVALID_LOGIN_ATTEMPT} with it)
   */
  String check(Element header) {
    Element tp = SuiteTalkDom.child(header, "tokenPassport");
    if (tp != null) {
      return checkToken(tp);
    }
    Element p = SuiteTalkDom.child(header, "passport");
    if (p != null) {
      String email = SuiteTalkDom.text(p, "email");
      String pw = email == null ? null : users.get(email.toLowerCase(java.util.Locale.ROOT));
      if (!account.equalsIgnoreCase(String.valueOf(SuiteTalkDom.text(p, "account")))) {
        return "unknown account";
      }
      return pw != null && pw.equals(SuiteTalkDom.text(p, "password")) ? null
          : "wrong email or password";
    }
    return "no tokenPassport or passport header";
  }

  private String checkToken(Element tp) {
    String acct = SuiteTalkDom.text(tp, "account");
    String ck = SuiteTalkDom.text(tp, "consumerKey");
    String tokenId = SuiteTalkDom.text(tp, "token");
    String nonce = SuiteTalkDom.text(tp, "nonce");
    String ts = SuiteTalkDom.text(tp, "timestamp");
    Element sig = SuiteTalkDom.child(tp, "signature");
    if (!account.equalsIgnoreCase(String.valueOf(acct))) {
      return "unknown account";
    }
    Token t = tokenId == null ? null : tokens.get(tokenId);
    if (t == null || !t.consumerKey.equals(ck)) {
      return "unknown token or consumer key";
    }
    if (sig == null || !"HMAC-SHA256".equals(sig.getAttribute("algorithm"))) {
      return "signature algorithm must be HMAC-SHA256";
    }
    String expected = sign(acct + "&" + ck + "&" + tokenId + "&" + nonce + "&" + ts,
        t.consumerSecret + "&" + t.tokenSecret);
    if (!expected.equals(sig.getTextContent().trim())) {
      return "signature does not match";
    }
    synchronized (nonces) {
      if (!nonces.add(nonce + "&" + ts)) {
        return "nonce used twice";
      }
    }
    return null;
  }

  static String sign(String base, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
