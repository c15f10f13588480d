package io.integrator.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.StringReader;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A record over a {@link RowMap} behaves as one over a {@code LinkedHashMap} holding the same
 * fields, through every way hooks and the engine change and read records.
 */
class RowMapTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A record over a row of {@code columns} columns ({@code c0..}, values {@code v0..}). */
  private static ObjectNode row(int columns) {
    String[] names = IntStream.range(0, columns).mapToObj(i -> ("c" + i).intern())
        .toArray(String[]::new);
    JsonNode[] values = IntStream.range(0, columns).mapToObj(i -> TextNode.valueOf("v" + i))
        .toArray(JsonNode[]::new);
    return new ObjectNode(JsonNodeFactory.instance, new RowMap(new RowMap.Columns(names), values));
  }

  /** The same record over a LinkedHashMap. */
  private static ObjectNode plain(int columns) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    for (int i = 0; i < columns; i++) {
      map.put("c" + i, TextNode.valueOf("v" + i));
    }
    return new ObjectNode(JsonNodeFactory.instance, map);
  }

  private static void sameAfter(int columns, Consumer<ObjectNode> change) throws Exception {
    ObjectNode row = row(columns);
    ObjectNode plain = plain(columns);
    change.accept(row);
    change.accept(plain);
    assertThat(JSON.writeValueAsString(row)).isEqualTo(JSON.writeValueAsString(plain));
    assertThat(row).isEqualTo(plain);
    assertThat(plain).isEqualTo(row);
    assertThat(row.hashCode()).isEqualTo(plain.hashCode());
    assertThat(row.size()).isEqualTo(plain.size());
    assertThat(row.deepCopy()).isEqualTo(plain);
    List<String> rowNames = iterate(row.fieldNames());
    assertThat(rowNames).isEqualTo(iterate(plain.fieldNames()));
    for (String name : rowNames) {
      assertThat(row.get(name)).isEqualTo(plain.get(name));
      assertThat(row.has(new String(name.toCharArray()))).isTrue();
    }
    assertThat(row.get("missing")).isNull();
  }

  private static List<String> iterate(Iterator<String> names) {
    List<String> out = new java.util.ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }

  @ParameterizedTest(name = "{0} columns")
  @ValueSource(ints = {0, 1, 4, 8, 9, 40})
  void behavesAsALinkedHashMapWhateverTheChange(int columns) throws Exception {
    sameAfter(columns, r -> {});
    sameAfter(columns, r -> r.put("c0", "replaced"));
    sameAfter(columns, r -> r.put("added", 1));
    sameAfter(columns, r -> {
      r.put("added", 1);
      r.put("c0", "replaced after a detach");
    });
    sameAfter(columns, r -> r.remove("c0"));
    sameAfter(columns, r -> r.remove("not there"));
    sameAfter(columns, r -> r.remove(List.of("c1", "c2")));
    sameAfter(columns, r -> r.retain("c0", "c3"));
    sameAfter(columns, ObjectNode::removeAll);
    sameAfter(columns, r -> r.setAll(Map.of("c1", TextNode.valueOf("x"), "new", TextNode.valueOf("y"))));
    sameAfter(columns, r -> r.properties().forEach(e -> e.setValue(TextNode.valueOf(e.getKey() + "!"))));
    sameAfter(columns, r -> {
      Iterator<Map.Entry<String, JsonNode>> it = r.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().endsWith("1")) {
          it.remove();
        }
      }
    });
  }

  @Test
  void namesAreFoundByValueAsWellAsByIdentity() {
    ObjectNode r = row(3);
    String notInterned = new String("c2".toCharArray());
    assertThat(r.get(notInterned).textValue()).isEqualTo("v2");
    assertThat(r.get((String) null)).isNull();
  }

  @Test
  void theParserGivesRowsOverRowMapsAndPlainMapsForARepeatedColumn() throws Exception {
    CsvOptions header = new CsvOptions(',', true, List.of(), false, 0);
    try (CsvRecordParser p = new CsvRecordParser(new StringReader("a,b\n1,2\n"), header)) {
      ObjectNode r = p.next();
      assertThat(r.toString()).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
      r.put("c", "3");
      assertThat(r.toString()).isEqualTo("{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}");
    }
    try (CsvRecordParser p = new CsvRecordParser(new StringReader("a,a,b\n1,2,3\n"), header)) {
      assertThat(p.next().toString()).isEqualTo("{\"a\":\"2\",\"b\":\"3\"}");
    }
  }
}
