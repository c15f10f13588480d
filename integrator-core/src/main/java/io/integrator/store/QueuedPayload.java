package io.integrator.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;

/**
 * The records of one webhook request, queued for one flow until a run of that flow has taken them
 * through (see {@link ResourceStore#enqueueWebhook}).
 *
 * @param seq the queue position; increases with every payload queued in the store
 * @param flowId the flow that will read it
 * @param exportId the webhook export that received it
 * @param receivedAt when it was queued (the store's clock)
 * @param records the records, in request order
 */
public record QueuedPayload(
    long seq, String flowId, String exportId, Instant receivedAt, ArrayNode records) {}
