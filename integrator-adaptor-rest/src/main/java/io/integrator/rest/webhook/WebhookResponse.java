package io.integrator.rest.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What to answer a webhook request with: a status, headers (including {@code Content-Type} when
 * there is a body) and a body, empty for {@code 204}.
 *
 * @param status the HTTP status
 * @param headers response headers, in order
 * @param body the body bytes, empty for none
 */
public record WebhookResponse(int status, Map<String, String> headers, byte[] body) {

  /** Copies the headers (keeping their order); a null body becomes empty. */
  public WebhookResponse {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    body = body == null ? new byte[0] : body;
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
