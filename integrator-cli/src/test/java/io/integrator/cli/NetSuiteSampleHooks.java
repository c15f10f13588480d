package io.integrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.HookItem;
import io.integrator.spi.PostMapHook;
import io.integrator.spi.PostSubmitHook;
import io.integrator.spi.PreMapHook;
import io.integrator.spi.PreSavePageHook;
import io.integrator.spi.SubmitResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java hooks the NetSuite samples name, found with ServiceLoader (this module's test
 * {@code META-INF/services/io.integrator.spi.Hook}) as the command line finds a user's hooks.
 */
final class NetSuiteSampleHooks {
  /** What {@link PostMap} writes into every mapped sales order's {@code memo}. */
  static final String MEMO = "imported by the Integrator";

  private NetSuiteSampleHooks() {}

  /** The web services sample's {@code _preMappingId}: trims the customer's names. */
  public static final class PreMap implements PreMapHook {
    @Override
    public String id() {
      return "5587092fd78228000000000a";
    }

    @Override
    public List<HookItem> preMap(Request request) {
      List<HookItem> out = new ArrayList<>();
      for (ObjectNode r : request.data()) {
        for (String f : List.of("first_name", "last_name")) {
          if (r.path(f).isTextual()) {
            r.put(f, r.get(f).asText().trim());
          }
        }
        out.add(HookItem.of(r));
      }
      return out;
    }
  }

  /** The web services sample's {@code _postMappingId}: stamps {@link #MEMO} on the sales order. */
  public static final class PostMap implements PostMapHook {
    @Override
    public String id() {
      return "5561092fd78228000000010b";
    }

    @Override
    public List<HookItem> postMap(Request request) {
      return request.postMapData().stream().map(r -> HookItem.of(r.put("memo", MEMO))).toList();
    }
  }

  /** The web services sample's {@code _postSubmitId}: hands NetSuite's results on unchanged. */
  public static final class PostSubmit implements PostSubmitHook {
    @Override
    public String id() {
      return "5521092fd78228000100011c";
    }

    @Override
    public List<SubmitResult> postSubmit(Request request) {
      return request.responseData();
    }
  }

  /**
   * The FTP export's {@code _preSavePageId}: a CSV has one row per order line, grouped by the
   * export's {@code file.csv.keyColumns} into {@code {<order columns>, rows: [...]}}; this hook gives
   * each order the {@code order_lines} and {@code shipments} arrays the samples' mappings read.
   */
  public static final class OrderLinesFromCsvRows implements PreSavePageHook {
    @Override
    public String id() {
      return "order-lines-from-csv-rows";
    }

    @Override
    public Response preSavePage(Request request) {
      for (ObjectNode order : request.data()) {
        JsonNode rows = order.remove("rows");
        ArrayNode lines = order.putArray("order_lines");
        ArrayNode shipments = order.putArray("shipments");
        for (JsonNode row : rows == null ? List.<JsonNode>of() : rows) {
          lines.addObject().put("sku", row.path("sku").asText())
              .put("price", row.path("price").asText())
              .put("quantity", row.path("quantity").asText());
          if (!row.path("ship_via").asText().isEmpty()) {
            shipments.addObject().put("ship_via", row.path("ship_via").asText())
                .put("weight", row.path("weight").asText());
          }
        }
      }
      return Response.of(request.data());
    }
  }
}
