package io.integrator.ftp;

import static io.integrator.ftp.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FastCSV-based parser on text, without a server: quoting, options, errors and lines. */
class CsvRecordParserTest {
  private static final CsvOptions HEADER = new CsvOptions(',', true, List.of(), false, 0);

  /** Every record, and each row error as {@code "error@line: message"}. */
  private static List<String> read(String text, CsvOptions options) throws IOException {
    List<String> out = new ArrayList<>();
    try (CsvRecordParser p = new CsvRecordParser(new StringReader(text), options)) {
      while (true) {
        try {
          ObjectNode r = p.next();
          if (r == null) {
            return out;
          }
          out.add(r.toString());
        } catch (RowException e) {
          out.add("error@" + e.line() + ": " + e.getMessage());
        }
      }
    }
  }

  @Test
  void quotedValuesWithDelimitersQuotesAndLineBreaks() throws Exception {
    assertThat(read("id,note\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\nlines\"\r\n", HEADER))
        .containsExactly(
            "{\"id\":\"1\",\"note\":\"a, b\"}",
            "{\"id\":\"2\",\"note\":\"say \\\"hi\\\"\"}",
            "{\"id\":\"3\",\"note\":\"two\\nlines\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void anyRowDelimiterAndEmptyLinesSkipped(String eol) throws Exception {
    String text = "id,name" + eol + "1,a" + eol + eol + "2,b" + eol;
    assertThat(read(text, HEADER))
        .containsExactly("{\"id\":\"1\",\"name\":\"a\"}", "{\"id\":\"2\",\"name\":\"b\"}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id,note\n1,\"closed\"",
        "id,note\n1,\"closed\"\n",
        "id,note\n1,\"closed\"\r\n\r\n",
        "id,note\n1,\"\"",
        "id,note\n1,\"\"\"\"",
        "id,note\n1,\"ends with \"\"\"\n",
        "id,note\n1,\"blank inside \"\n"
      })
  void aQuotedLastFieldThatIsClosedIsNoError(String text) throws Exception {
    assertThat(read(text, HEADER)).singleElement().asString().startsWith("{\"id\":\"1\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id,note\n1,\"open\n",
        "id,note\n1,\"open",
        "id,note\n1,\"",
        "id,note\n1,\"open \"\"\n",
        "id,note\n1,\"open \"\" \n"
      })
  void aQuoteNeverClosedFailsTheRestOfTheFile(String text) {
    assertThatThrownBy(() -> read(text, HEADER))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("never closed");
  }

  @Test
  void aCharacterAfterAClosingQuoteFailsTheRestOfTheFile() {
    assertThatThrownBy(() -> read("id,note\n1,\"a\"b\n2,c\n", HEADER))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void extraValuesAreRowErrorsWithTheirLineMissingValuesAreEmpty() throws Exception {
    CsvOptions skip = new CsvOptions(',', true, List.of(), false, 2);
    assertThat(read("title\n\nid,a,b\n1,x\n2,x,y,z\n3,\"multi\nline\",q\n4,x,y,z\n", skip))
        .containsExactly(
            "{\"id\":\"1\",\"a\":\"x\",\"b\":\"\"}",
            "error@5: row has 4 values but the header row names 3 columns",
            "{\"id\":\"3\",\"a\":\"multi\\nline\",\"b\":\"q\"}",
            "error@8: row has 4 values but the header row names 3 columns");
  }

  @Test
  void noHeaderNamesColumnsByPositionTrimAndTabDelimiter() throws Exception {
    CsvOptions options = new CsvOptions('\t', false, List.of(), true, 0);
    assertThat(read(" a \t \"b \" \n c\n", options))
        .containsExactly(
            "{\"Column1\":\"a\",\"Column2\":\"b\"}", "{\"Column1\":\"c\"}");
  }

  @Test
  void headerNamesAreInternedSoMappingPathsMatchByIdentity() throws Exception {
    try (CsvRecordParser p =
        new CsvRecordParser(new StringReader(" id ,name\n1,a\n"), HEADER)) {
      ObjectNode r = p.next();
      String key = r.fieldNames().next();
      assertThat(key).isSameAs("id");
      assertThat(r).isEqualTo(obj("{\"id\":\"1\",\"name\":\"a\"}"));
    }
  }

  @Test
  void groupingKeepsConsecutiveRowsWithEqualKeysAndPassesRowErrorsOn() throws Exception {
    CsvOptions options = new CsvOptions(',', true, List.of("order"), false, 0);
    List<String> out = new ArrayList<>();
    try (RecordParser p =
        new GroupingParser(
            new CsvRecordParser(
                new StringReader("order,sku\n1,A\n1,B\n1,C,x\n2,D\n"), options),
            options.keyColumns())) {
      while (true) {
        try {
          ObjectNode r = p.next();
          if (r == null) {
            break;
          }
          out.add(r.toString());
        } catch (RowException e) {
          out.add("error@" + e.line());
        }
      }
    }
    assertThat(out)
        .containsExactly(
            "{\"order\":\"1\",\"rows\":[{\"order\":\"1\",\"sku\":\"A\"},{\"order\":\"1\",\"sku\":\"B\"}]}",
            "error@4",
            "{\"order\":\"2\",\"rows\":[{\"order\":\"2\",\"sku\":\"D\"}]}");
  }
}
