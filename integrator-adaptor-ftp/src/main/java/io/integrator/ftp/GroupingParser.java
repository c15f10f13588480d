package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * {@code file.csv.keyColumns}: consecutive rows with equal values in the key columns become one
 * record {@code {<key columns...>, "rows": [<each row, all columns>]}}. Holds one group at a time.
 */
final class GroupingParser implements RecordParser {
  private final RecordParser rows;
  private final List<String> keys;
  private ObjectNode pending;
  private RowException pendingError;
  private boolean ended;

  GroupingParser(RecordParser rows, List<String> keys) {
    this.rows = rows;
    this.keys = keys;
  }

  @Override
  public ObjectNode next() throws RowException, IOException {
    if (pendingError != null) {
      RowException e = pendingError;
      pendingError = null;
      throw e;
    }
    ObjectNode first = pending != null ? pending : ended ? null : read();
    pending = null;
    if (first == null) {
      return null;
    }
    ObjectNode group = JsonNodeFactory.instance.objectNode();
    for (String key : keys) {
      group.set(key, first.get(key));
    }
    var list = group.putArray("rows");
    list.add(first);
    while (!ended) {
      ObjectNode row;
      try {
        row = read();
      } catch (RowException e) {
        pendingError = e;
        break;
      }
      if (row == null) {
        break;
      }
      if (!sameKey(first, row)) {
        pending = row;
        break;
      }
      list.add(row);
    }
    return group;
  }

  private ObjectNode read() throws RowException, IOException {
    ObjectNode row = rows.next();
    if (row == null) {
      ended = true;
    }
    return row;
  }

  private boolean sameKey(ObjectNode a, ObjectNode b) {
    for (String key : keys) {
      JsonNode x = a.get(key);
      JsonNode y = b.get(key);
      if (!Objects.equals(x, y)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
