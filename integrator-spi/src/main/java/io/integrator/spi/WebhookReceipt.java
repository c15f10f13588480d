package io.integrator.spi;

import java.util.List;
import java.util.Objects;

/**
 * What {@link WebhookSink#accept} queued for one request.
 *
 * @param exportId the webhook export
 * @param flowIds the flows the records were queued for, in id order
 * @param records how many records the request carried
 */
public record WebhookReceipt(String exportId, List<String> flowIds, int records) {

  /** Copies the flow list. */
  public WebhookReceipt {
    Objects.requireNonNull(exportId, "exportId");
    flowIds = List.copyOf(flowIds);
  }
}
