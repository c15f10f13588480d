package io.integrator.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportContextTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ExportContext context(String export, Instant last, Instant current) throws Exception {
    return new ExportContext(
        (ObjectNode) JSON.readTree(export), null, Optional.ofNullable(last), Optional.ofNullable(current),
        0, null, false, null);
  }

  @Test
  void deltaPlaceholdersUseTheExportsDateFormatInUtc() throws Exception {
    ExportContext ctx = context("{\"delta\":{\"dateFormat\":\"YYYY-MM-DD HH:mm:ss\"}}",
        Instant.parse("2026-01-02T03:04:05.678Z"), Instant.parse("2026-02-03T10:00:00Z"));
    assertThat(ctx.lastExportDateTimeText()).isEqualTo("2026-01-02 03:04:05");
    assertThat(ctx.currentExportDateTimeText()).isEqualTo("2026-02-03 10:00:00");
  }

  @Test
  void withoutADateFormatPlaceholdersAreIsoAndAMissingLowerBoundIsTheEpoch() throws Exception {
    ExportContext ctx = context("{}", null, Instant.parse("2026-02-03T10:00:00Z"));
    assertThat(ctx.lastExportDateTimeText()).isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(ctx.currentExportDateTimeText()).isEqualTo("2026-02-03T10:00:00.000Z");
  }

  @Test
  void epochFormats() throws Exception {
    ExportContext ctx = context("{\"delta\":{\"dateFormat\":\"X\"}}", Instant.ofEpochSecond(1700000000), null);
    assertThat(ctx.lastExportDateTimeText()).isEqualTo("1700000000");
    assertThat(DocumentDateFormat.format(Instant.ofEpochMilli(1234), "x")).isEqualTo("1234");
  }
}
