package io.integrator.spi;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The API document's date formats ({@code YYYY-MM-DD HH:mm:ss}, as in {@code delta.dateFormat},
 * mapping {@code extractDateFormat} and file-name templates) for adaptors and the engine alike.
 *
 * <p>Translates the document's date-format tokens ({@code YYYY-MM-DD HH:mm:ss}) to {@code java.time}
 * patterns. Tokens are matched longest first; {@code [text]} is literal; other non-letters and {@code T}
 * are literal; any other letter is an error. {@code X} (epoch seconds) and {@code x} (epoch
 * milliseconds) are allowed only as the whole format.
 */
public final class DocumentDateFormat {

    /** Document token to java.time pattern letter(s), longest tokens first. */
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    static {
        TOKENS.put("YYYY", "uuuu");
        TOKENS.put("YY", "uu");
        TOKENS.put("MMMM", "MMMM");
        TOKENS.put("MMM", "MMM");
        TOKENS.put("MM", "MM");
        TOKENS.put("M", "M");
        TOKENS.put("DDDD", "DDD");
        TOKENS.put("DD", "dd");
        TOKENS.put("D", "d");
        TOKENS.put("dddd", "EEEE");
        TOKENS.put("ddd", "EEE");
        TOKENS.put("HH", "HH");
        TOKENS.put("H", "H");
        TOKENS.put("hh", "hh");
        TOKENS.put("h", "h");
        TOKENS.put("mm", "mm");
        TOKENS.put("m", "m");
        TOKENS.put("ss", "ss");
        TOKENS.put("s", "s");
        TOKENS.put("SSS", "SSS");
        TOKENS.put("SS", "SS");
        TOKENS.put("S", "S");
        TOKENS.put("A", "a");
        TOKENS.put("a", "a");
        TOKENS.put("ZZ", "xx");
        TOKENS.put("Z", "xxx");
    }

    private DocumentDateFormat() {
    }

    /** Whole-format value for epoch seconds. */
    public static final String EPOCH_SECONDS = "X";
    /** Whole-format value for epoch milliseconds. */
    public static final String EPOCH_MILLIS = "x";

    /**
     * @return the java.time pattern for a document format
     * @throws IllegalArgumentException naming the unknown token
     */
    public static String toPattern(String format) {
        if (format == null || format.isEmpty()) {
            throw new IllegalArgumentException("empty date format");
        }
        StringBuilder out = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c == '[') {
                int close = format.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in date format \"" + format + "\"");
                }
                lit.append(format, i + 1, close);
                i = close + 1;
                continue;
            }
            if (Character.isLetter(c) && c != 'T') {
                String match = null;
                for (String token : TOKENS.keySet()) {
                    if (format.startsWith(token, i)) {
                        match = token;
                        break;
                    }
                }
                if (match == null) {
                    throw new IllegalArgumentException("unknown date token '" + c + "' in \"" + format + "\"");
                }
                literal(out, lit);
                out.append(TOKENS.get(match));
                i += match.length();
                continue;
            }
            lit.append(c);
            i++;
        }
        literal(out, lit);
        return out.toString();
    }

    private static void literal(StringBuilder out, StringBuilder text) {
        if (text.length() == 0) {
            return;
        }
        out.append('\'').append(text.toString().replace("'", "''")).append('\'');
        text.setLength(0);
    }

    /** @return a parser for the format: case-insensitive, English, missing day = 1, missing time = 0 */
    public static DateTimeFormatter parser(String format) {
        String pattern = toPattern(format);
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern);
        boolean hasDay = format.contains("D");
        boolean hasHour = format.contains("H") || format.contains("h");
        if (!hasDay) {
            b.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
        }
        if (!hasHour) {
            b.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
        }
        if (!format.contains("m")) {
            b.parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0);
        }
        if (!format.contains("s")) {
            b.parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0);
        }
        return b.toFormatter(Locale.ENGLISH);
    }

    /** @return a printer for the format (English names) */
    public static DateTimeFormatter printer(String format) {
        return DateTimeFormatter.ofPattern(toPattern(format), Locale.ENGLISH);
    }

    /**
     * Formats an instant in UTC with a document format; {@code X} and {@code x} give epoch seconds and
     * milliseconds.
     *
     * @throws IllegalArgumentException naming an unknown token
     */
    public static String format(java.time.Instant instant, String format) {
        if (EPOCH_SECONDS.equals(format)) {
            return Long.toString(instant.getEpochSecond());
        }
        if (EPOCH_MILLIS.equals(format)) {
            return Long.toString(instant.toEpochMilli());
        }
        return printer(format).withZone(java.time.ZoneOffset.UTC).format(instant);
    }
}
