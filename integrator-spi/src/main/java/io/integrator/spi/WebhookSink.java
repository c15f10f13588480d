package io.integrator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The door through which the records of an inbound webhook request enter the engine (REFERENCE
 * §3.8). A listener (the REST adaptor's, or a host's own) verifies the request, parses its body into
 * records and hands them to {@link #accept}; the engine queues them durably and runs every flow whose
 * page generator is that export.
 *
 * <p>The engine implements this interface ({@code Integrator.webhooks()}); listeners depend only on
 * it, never on the engine's classes. Implementations are thread-safe.
 */
public interface WebhookSink {

  /**
   * The export document of a webhook export, for the listener's verification and response settings.
   *
   * @param exportId the export's {@code _id}
   * @return the export document with secrets in clear text (never log it), or empty when there is
   *     no export with that id or it is not of {@code type: webhook}
   */
  Optional<ObjectNode> webhookExport(String exportId);

  /**
   * The export document of a NetSuite-side realtime export ({@code type: distributed}, REFERENCE
   * §3.9), for a listener that verifies the pushing script's {@code distributed.bearerToken}. Its
   * records go through {@link #accept} like a webhook's.
   *
   * @param exportId the export's {@code _id}
   * @return the export document with secrets in clear text (never log it), or empty when there is
   *     no export with that id or it is not of {@code type: distributed}; empty by default
   */
  default Optional<ObjectNode> distributedExport(String exportId) {
    return Optional.empty();
  }

  /**
   * Queues the records of one verified request for every enabled flow whose page generator is the
   * export, and starts those flows (or leaves the records for the run that follows a running one).
   * Returns only once the records are durably stored, so a listener may answer the sender success
   * as soon as this returns.
   *
   * @param exportId the export's {@code _id} (a webhook export, or a distributed export)
   * @param records the request's records, in order; the sink owns them from now on
   * @return what was queued
   * @throws WebhookException when nothing was queued: unknown export ({@code 404}), no enabled flow
   *     uses it ({@code 503}), or the store failed ({@code 503})
   */
  WebhookReceipt accept(String exportId, List<ObjectNode> records) throws WebhookException;
}
