package io.integrator.pipeline;

import io.integrator.spi.HookItem;
import io.integrator.spi.PreMapHook;
import java.util.List;

/** A preMap hook found through META-INF/services: upper-cases {@code name}. */
public final class ShoutHook implements PreMapHook {
  @Override
  public String id() {
    return "shout";
  }

  @Override
  public List<HookItem> preMap(Request request) {
    return request.data().stream()
        .map(r -> HookItem.of(r.put("name", r.path("name").asText().toUpperCase())))
        .toList();
  }
}
