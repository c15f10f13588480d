package io.integrator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.integrator.spi.Page;
import io.integrator.store.ResourceStore;
import io.integrator.store.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class QueueReaderTest {
  static ArrayNode records(String... ids) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (String id : ids) {
      a.addObject().put("id", id);
    }
    return a;
  }

  static List<List<String>> pages(QueueReader reader) throws Exception {
    List<List<String>> out = new ArrayList<>();
    Optional<Page> p;
    while ((p = reader.next()).isPresent()) {
      out.add(p.get().records().stream().map(r -> r.path("id").asText(r.toString())).toList());
    }
    return out;
  }

  @Test
  void pagesFollowTheQueueNeverMixRequestsAndSkipWhatAnotherRunClaimed() throws Exception {
    try (ResourceStore store = Stores.inMemory()) {
      long a = store.enqueueWebhook("hook", List.of("f"), records("a1", "a2", "a3")).get(0);
      long b = store.enqueueWebhook("hook", List.of("f"), records("b1")).get(0);
      long c = store.enqueueWebhook("hook", List.of("f"), records("c1", "c2")).get(0);
      ArrayNode odd = JsonNodeFactory.instance.arrayNode().add(42);
      store.enqueueWebhook("hook", List.of("f"), odd); // after the snapshot: not read
      store.enqueueWebhook("other", List.of("f"), records("x")); // another export: not read
      Set<Long> served = ConcurrentHashMap.newKeySet();
      Set<Long> claimed = Set.of(b);
      QueueReader reader = new QueueReader(store, "f", "hook", c, 2, () -> false, served::add,
          claimed::contains);
      assertThat(pages(reader)).containsExactly(List.of("a1", "a2"), List.of("a3"),
          List.of("c1", "c2"));
      assertThat(served).containsExactlyInAnyOrder(a, c);
    }
  }

  @Test
  void manyPayloadsAreReadInBatchesAndScalarsAreWrapped() throws Exception {
    try (ResourceStore store = Stores.inMemory()) {
      long last = 0;
      for (int i = 0; i < 20; i++) {
        last = store.enqueueWebhook("hook", List.of("f"), records("r" + i)).get(0);
      }
      last = store.enqueueWebhook("hook", List.of("f"),
          JsonNodeFactory.instance.arrayNode().add(42)).get(0);
      QueueReader reader = new QueueReader(store, "f", "hook", last, 10, () -> false, s -> {},
          s -> false);
      List<List<String>> pages = pages(reader);
      assertThat(pages).hasSize(21);
      assertThat(pages.get(19)).containsExactly("r19");
      assertThat(pages.get(20)).containsExactly("{\"value\":42}");
    }
  }
}
