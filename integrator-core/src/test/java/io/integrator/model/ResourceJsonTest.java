package io.integrator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceJsonTest {

  private static DocumentParseException parseError(String text) {
    try {
      ResourceJson.read(text, "exports/my-export.json");
    } catch (DocumentParseException e) {
      return e;
    }
    throw new AssertionError("no parse error for " + text);
  }

  @Test
  void acceptsCommentsAndTrailingCommas() {
    ObjectNode doc =
        ResourceJson.read(
            "{\n  // a comment\n  \"name\": \"x\", /* block */\n  \"list\": [1, 2,],\n}\n", "x.json");
    assertThat(doc.toString()).isEqualTo("{\"name\":\"x\",\"list\":[1,2]}");
  }

  @Test
  void malformedJsonNamesSourceLineAndColumnOnOneLine() {
    DocumentParseException e = parseError("{\n  \"name\": \"My Export\",\n  \"pageSize\": 20\n  \"type\": }");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage())
        .isEqualTo(
            "exports/my-export.json: line 4, column 3: unexpected character '\"': expected a comma"
                + " between fields (is one missing before it?)")
        .doesNotContain("Source")
        .doesNotContain("\n");
    assertThat(e.detail()).startsWith("line 4, column 3: ");
  }

  @Test
  void unexpectedClosingBraceIsNamed() {
    DocumentParseException e = parseError("{\n  \"a\": 1,\n  \"b\": }\n");
    assertThat(e.getMessage())
        .isEqualTo(
            "exports/my-export.json: line 3, column 8: unexpected character '}': expected a JSON value")
        .doesNotContain("\n");
  }

  @Test
  void unclosedObjectIsReportedAtTheEnd() {
    DocumentParseException e = parseError("{\n  \"a\": 1\n");
    assertThat(e.getMessage())
        .isEqualTo(
            "exports/my-export.json: line 3, column 1: the file ends early: a closing } is missing for the { at line 1, column 1");
  }

  @Test
  void emptyFileHasAClearMessage() {
    assertThatThrownBy(() -> ResourceJson.read("  \n", "exports/x.json"))
        .isInstanceOf(DocumentParseException.class)
        .hasMessage("exports/x.json: the file is empty; a resource document is a JSON object");
    assertThatThrownBy(() -> ResourceJson.read("// only a comment\n", "exports/x.json"))
        .hasMessage(
            "exports/x.json: the file holds only comments or whitespace; a resource document is a JSON object");
  }

  @Test
  void topLevelNonObjectIsRejected() {
    assertThatThrownBy(() -> ResourceJson.read("[{\"name\": \"a\"}]", "exports/x.json"))
        .hasMessage(
            "exports/x.json: line 1: the document is a JSON array; a resource document is a JSON object ({ ... })");
    assertThatThrownBy(() -> ResourceJson.read("\"text\"", "exports/x.json"))
        .hasMessageContaining("the document is a JSON string");
  }

  @Test
  void duplicateFieldsAndTrailingContentAreErrors() {
    assertThat(parseError("{\"a\": 1, \"a\": 2}").getMessage())
        .isEqualTo("exports/my-export.json: line 1, column 13: duplicate field 'a'");
    assertThat(parseError("{\"a\": 1} {\"b\": 2}").getMessage())
        .startsWith("exports/my-export.json: line 1, column ");
  }

  @Test
  void writesPlainPrettyJsonInStoredOrder() {
    ObjectNode doc = ResourceJson.read("{\"b\": 1, /* c */ \"a\": {\"x\": true,},}", "x.json");
    assertThat(ResourceJson.write(doc))
        .isEqualTo("{\n  \"b\" : 1,\n  \"a\" : {\n    \"x\" : true\n  }\n}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"a\": tru}|line 1, column 7: unrecognized token 'tru': expected a JSON value (a string, number, array, object, true, false or null)",
        "{a: 1}|line 1, column 2: unexpected character 'a': expected a field name in double quotes",
        "{\"a\": 01}|line 1, column 8: invalid numeric value: leading zeroes are not allowed",
        "{\"a\": [1 2]}|line 1, column 10: unexpected character '2': expected a comma between array values",
        "{\"a\": \"x}|line 1, column 10: the file ends inside a string (a closing quote is missing)",
        "{\"a\": 1 /* x|line 1, column 13: the file ends inside a comment (a closing */ is missing)",
        "{\"a\": {\"b\": 1}|line 1, column 15: the file ends early: a closing } is missing for the { at line 1, column 1"
      })
  void commonMistakesReadAsPlainEnglish(String json, String detail) {
    assertThat(parseError(json).getMessage()).isEqualTo("exports/my-export.json: " + detail);
  }

  @Test
  void aLineBreakInsideAStringIsExplained() {
    assertThat(parseError("{\"a\": \"x\ny\"}").getMessage())
        .isEqualTo("exports/my-export.json: line 1, column 9: a line break inside a string must be written as \\n");
  }
}
