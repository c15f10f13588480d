package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.spi.AdaptorException;
import java.util.ArrayList;
import java.util.List;

/** {@code file.csv} of an export. */
record CsvOptions(
    char delimiter,
    boolean hasHeaderRow,
    List<String> keyColumns,
    boolean trimSpaces,
    int rowsToSkip) {

  static CsvOptions of(JsonNode csv) throws AdaptorException {
    String delimiter = delimiter(csv.path("columnDelimiter").asText(","));
    List<String> keys = new ArrayList<>();
    csv.path("keyColumns").forEach(k -> keys.add(k.asText()));
    int skip = csv.path("rowsToSkip").asInt(0);
    if (skip < 0) {
      throw Failures.value("invalid_export", "file.csv.rowsToSkip must be 0 or more");
    }
    return new CsvOptions(
        delimiter.charAt(0),
        csv.path("hasHeaderRow").asBoolean(true),
        List.copyOf(keys),
        csv.path("trimSpaces").asBoolean(false),
        skip);
  }

  /** A one-character delimiter; {@code \t} and {@code tab} name the tab. */
  static String delimiter(String d) throws AdaptorException {
    String v = d.equals("\\t") || d.equalsIgnoreCase("tab") ? "\t" : d;
    if (v.length() != 1) {
      throw Failures.value(
          "invalid_file_options",
          "file.csv.columnDelimiter must be one character (or \\t), got '" + d + "'");
    }
    return v;
  }
}
