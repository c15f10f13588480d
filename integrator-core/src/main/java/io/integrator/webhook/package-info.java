/**
 * Webhook exports on the engine's side (REFERENCE §3.8): {@link io.integrator.webhook.Webhooks}
 * takes the records of verified requests, queues them durably in the store and runs the flows whose
 * page generator is the export, which read their pages from that queue. Listeners (the REST
 * adaptor's {@code io.integrator.rest.webhook}) verify, parse and answer requests. See {@code
 * docs/webhooks.md}.
 */
package io.integrator.webhook;
