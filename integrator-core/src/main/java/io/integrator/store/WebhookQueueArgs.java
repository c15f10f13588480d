package io.integrator.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/** Argument checks of the webhook queue operations, shared by both stores. */
final class WebhookQueueArgs {
  private WebhookQueueArgs() {}

  static void check(String exportId, List<String> flowIds, ArrayNode records) {
    if (exportId == null || exportId.isEmpty() || exportId.length() > Documents.MAX_ID_LENGTH) {
      throw new IllegalArgumentException("A webhook payload needs an export id of 1 to "
          + Documents.MAX_ID_LENGTH + " characters");
    }
    if (flowIds == null || flowIds.isEmpty()) {
      throw new IllegalArgumentException("A webhook payload must be queued for at least one flow");
    }
    for (String f : flowIds) {
      if (f == null || f.isEmpty() || f.length() > Documents.MAX_ID_LENGTH) {
        throw new IllegalArgumentException("A webhook payload's flow id must be 1 to "
            + Documents.MAX_ID_LENGTH + " characters");
      }
    }
    if (records == null) {
      throw new IllegalArgumentException("A webhook payload needs its records (an array)");
    }
  }
}
