package io.integrator.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Classification;
import io.integrator.spi.HookItem;
import java.util.List;

/** Applies preMap/postMap answers ({@code {data}}, {@code {}}, {@code {errors}}, {@code {data, errors}}). */
final class HookItems {
  private HookItems() {}

  /**
   * @param target where {@code data} goes ({@code current} for preMap, {@code mapped} for postMap)
   */
  static void apply(PageWork w, List<Integer> live, List<HookItem> items, ObjectNode[] target,
      String source) {
    for (int k = 0; k < live.size(); k++) {
      int i = live.get(k);
      HookItem item = items.get(k);
      if (item.data() != null) {
        target[i] = item.data();
        if (!item.errors().isEmpty()) {
          w.note(i, PageWork.rows(item.errors(), source, Classification.VALUE, false));
        }
      } else if (item.errors().isEmpty()) {
        w.ignore(i);
      } else {
        w.fail(i, source, PageWork.rows(item.errors(), source, Classification.VALUE, true));
      }
    }
  }

  static List<ObjectNode> copies(ObjectNode[] from, List<Integer> live) {
    return live.stream().map(i -> from[i].deepCopy()).toList();
  }
}
