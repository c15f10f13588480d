package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.spi.AdaptorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;

/**
 * An export's {@code file} section: which parser reads a file's (decompressed) bytes, in which
 * encoding. Checked once when the reader opens.
 */
final class ExportFormat {
  private final String type;
  private final Charset charset;
  private final String compression;
  private final CsvOptions csv;
  private final String resourcePath;
  private final List<FixedWidthParser.Column> columns;

  private ExportFormat(
      String type,
      Charset charset,
      String compression,
      CsvOptions csv,
      String resourcePath,
      List<FixedWidthParser.Column> columns) {
    this.type = type;
    this.charset = charset;
    this.compression = compression;
    this.csv = csv;
    this.resourcePath = resourcePath;
    this.columns = columns;
  }

  static ExportFormat of(JsonNode file) throws AdaptorException {
    String type = file.path("type").asText("csv").toLowerCase(Locale.ROOT);
    if (type.equals("fixedwidth")) {
      type = "fixed-width";
    }
    String compression = file.path("compressionFormat").asText("").toLowerCase(Locale.ROOT);
    if (!compression.isEmpty() && !compression.equals("gzip") && !compression.equals("zip")) {
      throw Failures.value(
          "invalid_file_options", "file.compressionFormat must be gzip or zip, got " + compression);
    }
    Charset charset = Encodings.of(file.path("encoding").asText(null));
    return switch (type) {
      case "csv" -> new ExportFormat(type, charset, compression, CsvOptions.of(file.path("csv")), null, null);
      case "json" -> new ExportFormat(type, charset, compression, null, file.path("json").path("resourcePath").asText(null), null);
      case "xml" -> new ExportFormat(type, charset, compression, null, file.path("xml").path("resourcePath").asText(null), null);
      case "fixed-width" -> new ExportFormat(type, charset, compression, null, null, FixedWidthParser.columns(file.path("fixedWidth")));
      default -> throw Failures.value(
          "invalid_file_options", "file.type must be csv, json, xml or fixed-width, got " + type);
    };
  }

  /** {@code gzip}, {@code zip} or empty. */
  String compression() {
    return compression;
  }

  /** A parser over one (already decompressed) file's bytes. */
  RecordParser parser(InputStream bytes) throws IOException {
    Reader reader = new InputStreamReader(bytes, charset);
    RecordParser p =
        switch (type) {
          case "csv" -> new CsvRecordParser(reader, csv);
          case "json" -> new JsonRecordParser(reader, resourcePath);
          case "xml" -> new XmlRecordParser(reader, resourcePath);
          default -> new FixedWidthParser(reader, columns);
        };
    return csv != null && !csv.keyColumns().isEmpty() ? new GroupingParser(p, csv.keyColumns()) : p;
  }
}
