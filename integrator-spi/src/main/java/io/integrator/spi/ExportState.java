package io.integrator.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key/value state an adaptor keeps for one export across runs, such as the processed-file ledger
 * of a file export (REFERENCE §3.6). The engine backs it with the store's run state (scope {@code
 * export-state:<exportId>}), so it survives restarts, and deletes it with the export (a new export
 * under the same id starts with no state). Read it anywhere; write it only from {@link
 * PageReader#commit()}, which runs for completed flow runs only.
 */
public interface ExportState {

  /** The value stored under a key. */
  Optional<JsonNode> get(String key);

  /** Stores (creates or replaces) a value. */
  void put(String key, JsonNode value);

  /** Removes a key; nothing happens when it is absent. */
  void delete(String key);

  /** Every key, in no particular order. */
  List<String> keys();

  /**
   * State kept in memory only, lost with the context: what unsaved exports (preview) and contexts
   * built without an engine get.
   */
  static ExportState inMemory() {
    Map<String, JsonNode> map = new ConcurrentHashMap<>();
    return new ExportState() {
      @Override
      public Optional<JsonNode> get(String key) {
        return Optional.ofNullable(map.get(key));
      }

      @Override
      public void put(String key, JsonNode value) {
        map.put(key, value);
      }

      @Override
      public void delete(String key) {
        map.remove(key);
      }

      @Override
      public List<String> keys() {
        return List.copyOf(map.keySet());
      }
    };
  }
}
