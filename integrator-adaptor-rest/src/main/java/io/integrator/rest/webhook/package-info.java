/**
 * Webhook listeners for exports of {@code type: webhook} (REFERENCE §3.8): {@link
 * io.integrator.rest.webhook.WebhookListener} verifies a request ({@code token}, {@code hmac},
 * {@code basic}, {@code secret_url}), parses its body into records and hands them to the engine
 * through {@link io.integrator.spi.WebhookSink}; a host mounts it on its own HTTP server, or starts
 * {@link io.integrator.rest.webhook.WebhookServer} on a port. See {@code docs/webhooks.md}.
 */
package io.integrator.rest.webhook;
