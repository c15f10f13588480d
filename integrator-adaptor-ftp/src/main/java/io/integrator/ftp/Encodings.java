package io.integrator.ftp;

import io.integrator.spi.AdaptorException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** {@code file.encoding} names (REFERENCE §3.6) to charsets. */
final class Encodings {
  private static final Map<String, String> ALIASES =
      Map.of(
          "utf8", "UTF-8",
          "win1252", "windows-1252",
          "iso88591", "ISO-8859-1",
          "shiftjis", "Shift_JIS",
          "utf16le", "UTF-16LE",
          "utf16be", "UTF-16BE",
          "ascii", "US-ASCII");

  private Encodings() {}

  /** The charset of a {@code file.encoding} value; UTF-8 when absent. */
  static Charset of(String encoding) throws AdaptorException {
    if (encoding == null || encoding.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    String key = encoding.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    String name = ALIASES.getOrDefault(key, encoding.trim());
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      throw Failures.value(
          "invalid_encoding",
          "file.encoding '"
              + encoding
              + "' is not known; use utf8, win1252, iso88591, utf-16le, shiftjis or a Java charset"
              + " name");
    }
  }
}
