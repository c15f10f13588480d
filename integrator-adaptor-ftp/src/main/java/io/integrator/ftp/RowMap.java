package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of one parsed row as the map behind its record's {@code ObjectNode}: the file's
 * column names are shared by every row ({@link Columns}), each row holds only its values. A
 * {@code LinkedHashMap} per row costs a table and an entry per field, and hashes each name on
 * every put; on files of millions of rows that was a fifth of the reader's time.
 *
 * <p>It behaves as a {@code LinkedHashMap} in column order: replacing a value keeps its place;
 * the first time a field is added or removed (a hook reshaping the record) the row copies itself
 * into a {@code LinkedHashMap} and works on that from then on.
 */
final class RowMap extends AbstractMap<String, JsonNode> {
  /** Above this many columns a name is found through a hash index, below by scanning. */
  private static final int SCAN_LIMIT = 8;

  /** The column names of a file, in order, shared by its rows. */
  static final class Columns {
    private final String[] names;
    private final Map<String, Integer> index;

    /** @param names distinct, interned column names (the mapping's paths are interned too) */
    Columns(String[] names) {
      this.names = names.clone();
      if (names.length > SCAN_LIMIT) {
        index = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
          index.putIfAbsent(names[i], i);
        }
      } else {
        index = null;
      }
    }

    int size() {
      return names.length;
    }

    String name(int i) {
      return names[i];
    }

    int indexOf(Object key) {
      if (index != null) {
        Integer i = index.get(key);
        return i == null ? -1 : i;
      }
      for (int i = 0; i < names.length; i++) {
        if (names[i] == key) {
          return i;
        }
      }
      if (key != null) {
        for (int i = 0; i < names.length; i++) {
          if (names[i].equals(key)) {
            return i;
          }
        }
      }
      return -1;
    }
  }

  private final Columns columns;
  private final JsonNode[] values;
  /** The row's own map once a field was added or removed; null until then. */
  private LinkedHashMap<String, JsonNode> detached;

  /** @param values one per column, none null; kept, not copied */
  RowMap(Columns columns, JsonNode[] values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
    }
    this.columns = columns;
    this.values = values;
  }

  @Override
  public int size() {
    return detached != null ? detached.size() : values.length;
  }

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  @Override
  public JsonNode get(Object key) {
    if (detached != null) {
      return detached.get(key);
    }
    int i = columns.indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return detached != null ? detached.containsKey(key) : columns.indexOf(key) >= 0;
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    if (detached == null) {
      int i = columns.indexOf(key);
      if (i >= 0) {
        JsonNode old = values[i];
        values[i] = value;
        return old;
      }
    }
    return detach().put(key, value);
  }

  @Override
  public JsonNode remove(Object key) {
    if (detached == null && columns.indexOf(key) < 0) {
      return null;
    }
    return detach().remove(key);
  }

  @Override
  public void clear() {
    detach().clear();
  }

  private LinkedHashMap<String, JsonNode> detach() {
    if (detached == null) {
      LinkedHashMap<String, JsonNode> own = new LinkedHashMap<>(Math.max(4, values.length * 2));
      for (int i = 0; i < values.length; i++) {
        own.put(columns.name(i), values[i]);
      }
      detached = own;
    }
    return detached;
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return detached != null ? detached.entrySet() : new Entries();
  }

  /** The columns in order; removing through the iterator detaches the row. */
  private final class Entries extends AbstractSet<Map.Entry<String, JsonNode>> {
    @Override
    public int size() {
      return RowMap.this.size();
    }

    @Override
    public Iterator<Map.Entry<String, JsonNode>> iterator() {
      return new Iterator<>() {
        private int next;
        private int last = -1;

        @Override
        public boolean hasNext() {
          return next < values.length;
        }

        @Override
        public Map.Entry<String, JsonNode> next() {
          if (next >= values.length) {
            throw new NoSuchElementException();
          }
          last = next++;
          return new Field(last);
        }

        @Override
        public void remove() {
          if (last < 0) {
            throw new IllegalStateException("next() first");
          }
          RowMap.this.remove(columns.name(last));
          last = -1;
        }
      };
    }
  }

  /** One column of the row, reading and writing through the row (detached or not). */
  private final class Field implements Map.Entry<String, JsonNode> {
    private final int column;

    Field(int column) {
      this.column = column;
    }

    @Override
    public String getKey() {
      return columns.name(column);
    }

    @Override
    public JsonNode getValue() {
      return detached == null ? values[column] : detached.get(getKey());
    }

    @Override
    public JsonNode setValue(JsonNode value) {
      return put(getKey(), value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> e && getKey().equals(e.getKey())
          && java.util.Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return getKey().hashCode() ^ java.util.Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }
}
