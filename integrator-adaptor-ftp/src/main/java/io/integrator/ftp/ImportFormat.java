package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.spi.AdaptorException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** An import's {@code file} section: format, encoding, compression and CSV options. */
final class ImportFormat {
  /** {@code file.csv} of an import, defaults applied. */
  record Csv(
      String delimiter,
      String rowDelimiter,
      boolean includeHeader,
      boolean wrapWithQuotes,
      boolean replaceTabWithSpace,
      boolean replaceNewlineWithSpace,
      boolean truncateLastRowDelimiter) {}

  private final String type;
  private final Charset charset;
  private final String compression;
  private final Csv csv;
  private final List<FixedWidthParser.Column> columns;

  private ImportFormat(String type, Charset charset, String compression, Csv csv, List<FixedWidthParser.Column> columns) {
    this.type = type;
    this.charset = charset;
    this.compression = compression;
    this.csv = csv;
    this.columns = columns;
  }

  static ImportFormat of(JsonNode file) throws AdaptorException {
    String type = file.path("type").asText("csv").toLowerCase(Locale.ROOT);
    if (type.equals("fixedwidth")) {
      type = "fixed-width";
    }
    if (!List.of("csv", "json", "xml", "fixed-width").contains(type)) {
      throw Failures.value("invalid_file_options", "file.type must be csv, json, xml or fixed-width, got " + type);
    }
    String compression = file.path("compressionFormat").asText("").toLowerCase(Locale.ROOT);
    if (!compression.isEmpty() && !compression.equals("gzip") && !compression.equals("zip")) {
      throw Failures.value("invalid_file_options", "file.compressionFormat must be gzip or zip, got " + compression);
    }
    JsonNode c = file.path("csv");
    Csv csv =
        new Csv(
            CsvOptions.delimiter(c.path("columnDelimiter").asText(",")),
            rowDelimiter(c.path("rowDelimiter").asText("\n")),
            c.path("includeHeader").asBoolean(true),
            c.path("wrapWithQuotes").asBoolean(false),
            c.path("replaceTabWithSpace").asBoolean(false),
            c.path("replaceNewlineWithSpace").asBoolean(false),
            c.path("truncateLastRowDelimiter").asBoolean(false));
    List<FixedWidthParser.Column> columns =
        type.equals("fixed-width") ? FixedWidthParser.columns(file.path("fixedWidth")) : null;
    return new ImportFormat(type, Encodings.of(file.path("encoding").asText(null)), compression, csv, columns);
  }

  /** {@code \n}, {@code \r\n}, {@code \r} given literally or escaped ({@code "\\r\\n"}). */
  static String rowDelimiter(String d) throws AdaptorException {
    String v = d.replace("\\r", "\r").replace("\\n", "\n");
    if (!v.equals("\n") && !v.equals("\r\n") && !v.equals("\r")) {
      throw Failures.value("invalid_file_options", "file.csv.rowDelimiter must be \\n, \\r\\n or \\r");
    }
    return v;
  }

  /** The extension a generated name gets: {@code .csv}, {@code .json}, ... plus {@code .gz}/{@code .zip}. */
  String extension() {
    String base = type.equals("fixed-width") ? ".txt" : "." + type;
    return base + (compression.equals("gzip") ? ".gz" : compression.equals("zip") ? ".zip" : "");
  }

  /** A text writer over the (compressed) spool; {@code entryName} names a zip entry. */
  FileTextWriter open(OutputStream raw, String entryName) throws IOException {
    OutputStream out = raw;
    if (compression.equals("gzip")) {
      out = new GZIPOutputStream(raw, 64 * 1024);
    } else if (compression.equals("zip")) {
      ZipOutputStream zip = new ZipOutputStream(raw);
      zip.putNextEntry(new ZipEntry(entryName.endsWith(".zip") ? entryName.substring(0, entryName.length() - 4) : entryName));
      out = zip;
    }
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, charset), 64 * 1024);
    return switch (type) {
      case "csv" -> new CsvTextWriter(writer, csv);
      case "json" -> new JsonTextWriter(writer);
      case "xml" -> new XmlTextWriter(writer, charset.name());
      default -> new FixedWidthTextWriter(writer, columns);
    };
  }
}
