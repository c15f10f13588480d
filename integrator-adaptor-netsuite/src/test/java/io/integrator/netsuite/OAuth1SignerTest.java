package io.integrator.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer against fixed vectors: the worked example of Twitter's "Creating a signature" guide
 * (HMAC-SHA1, published base string and signature), and the same request signed with HMAC-SHA256
 * by OpenSSL ({@code printf '%s' "$base" | openssl dgst -sha256 -hmac "$key" -binary | base64}).
 */
class OAuth1SignerTest {
  static final URI URL = URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true");
  static final String CONSUMER_SECRET = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";
  static final String TOKEN_SECRET = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE";
  static final List<Map.Entry<String, String>> FORM =
      List.of(Map.entry("status", "Hello Ladies + Gentlemen, a signed OAuth request!"));
  static final String PUBLISHED_BASE = "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json"
      + "&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3D"
      + "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26"
      + "oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9"
      + "weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520"
      + "a%2520signed%2520OAuth%2520request%2521";

  static OAuth1Signer signer(String method, String realm) {
    return new OAuth1Signer(realm, "xvz1evFS4wEEPTGEFPHBog", CONSUMER_SECRET,
        "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", TOKEN_SECRET, method,
        () -> "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", () -> 1318622958L);
  }

  @Test
  void publishedHmacSha1ExampleGivesThePublishedBaseStringAndSignature() {
    String header = signer(OAuth1Signer.HMAC_SHA1, null).authorization("POST", URL, FORM);
    assertThat(header).startsWith("OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", ")
        .contains("oauth_signature_method=\"HMAC-SHA1\"")
        .endsWith("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\"");
    String base = PUBLISHED_BASE;
    assertThat(OAuth1Signer.sign(base, CONSUMER_SECRET, TOKEN_SECRET, OAuth1Signer.HMAC_SHA1))
        .isEqualTo("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
  }

  @Test
  void hmacSha256WithRealmMatchesTheOpenSslVector() {
    String header = signer(OAuth1Signer.HMAC_SHA256, "123456_SB1").authorization("POST", URL, FORM);
    assertThat(header)
        .startsWith("OAuth realm=\"123456_SB1\", oauth_consumer_key=")
        .contains("oauth_nonce=\"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg\"")
        .contains("oauth_timestamp=\"1318622958\"")
        .contains("oauth_version=\"1.0\"")
        .endsWith("oauth_signature=\"PLbq%2BOWUE2vwiOZeZBSR06GFvymUHoaBdCIHyD66IcM%3D\"");
    // the realm is not signed: the base string is the published one with the method replaced
    assertThat(OAuth1Signer.baseString("POST", URL, List.of(
            Map.entry("include_entities", "true"),
            Map.entry("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"),
            Map.entry("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"),
            Map.entry("oauth_signature_method", "HMAC-SHA1"),
            Map.entry("oauth_timestamp", "1318622958"),
            Map.entry("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"),
            Map.entry("oauth_version", "1.0"),
            FORM.get(0))))
        .isEqualTo(PUBLISHED_BASE);
  }

  @Test
  void percentEncodingFollowsRfc5849() {
    assertThat(OAuth1Signer.percentEncode("Ladies + Gentlemen, ~-._*!é"))
        .isEqualTo("Ladies%20%2B%20Gentlemen%2C%20~-._%2A%21%C3%A9");
    assertThat(OAuth1Signer.baseUri(URI.create("HTTPS://Example.COM:443/r%20v?x=1")))
        .isEqualTo("https://example.com/r%20v");
    assertThat(OAuth1Signer.baseUri(URI.create("http://127.0.0.1:8081/app/site/hosting/restlet.nl")))
        .isEqualTo("http://127.0.0.1:8081/app/site/hosting/restlet.nl");
    assertThat(OAuth1Signer.queryParams(URI.create("https://h/p?script=customscript_a&deploy=1")))
        .containsExactly(Map.entry("script", "customscript_a"), Map.entry("deploy", "1"));
  }
}
