package io.integrator.rest;

import static io.integrator.rest.ExportFixture.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrator.spi.ExportContext;
import java.time.Instant;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class DeltaFilterTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private static DeltaFilter filter(String delta, String last, String current) {
    return DeltaFilter.of(new ExportContext(Json.obj("{\"type\": \"delta\", \"delta\": " + delta
        + ", \"rest\": {\"relativeURI\": \"/x\"}}"), null,
        Optional.ofNullable(last).map(Instant::parse), Optional.of(Instant.parse(current)), 0,
        null, false, null)).orElseThrow();
  }

  @Test
  void keepsRecordsInsideTheWindowLowerExclusiveUpperInclusive() {
    DeltaFilter f = filter("{\"dateField\": \"updated\"}", "2024-01-10T00:00:00Z",
        "2024-01-20T00:00:00Z");
    assertThat(f.keep(Json.obj("{\"updated\": \"2024-01-15T08:00:00Z\"}"))).isTrue();
    assertThat(f.keep(Json.obj("{\"updated\": \"2024-01-20T00:00:00.000Z\"}"))).isTrue();
    assertThat(f.keep(Json.obj("{\"updated\": \"2024-01-10T00:00:00Z\"}"))).isFalse();
    assertThat(f.keep(Json.obj("{\"updated\": \"2024-01-21T00:00:00+02:00\"}"))).isFalse();
    assertThat(f.keep(Json.obj("{\"updated\": \"2024-01-15T08:00:00\"}"))).isTrue();
    assertThat(f.keep(Json.obj("{\"updated\": "
        + Instant.parse("2024-01-12T00:00:00Z").toEpochMilli() + "}"))).isTrue();
    assertThat(f.keep(Json.obj("{\"updated\": 1}"))).isFalse();
  }

  @Test
  void dateOnlyValuesCountWhenTheirDayOverlapsTheWindow() {
    DeltaFilter f = filter("{\"dateField\": \"d\"}", "2024-01-10T12:00:00Z",
        "2024-01-20T06:00:00Z");
    assertThat(f.keep(Json.obj("{\"d\": \"2024-01-10\"}"))).isTrue();
    assertThat(f.keep(Json.obj("{\"d\": \"2024-01-20\"}"))).isTrue();
    assertThat(f.keep(Json.obj("{\"d\": \"2024-01-09\"}"))).isFalse();
    assertThat(f.keep(Json.obj("{\"d\": \"2024-01-21\"}"))).isFalse();
  }

  @Test
  void anyListedFieldMayMatchAndUnreadableDatesAreKept() {
    DeltaFilter f = filter("{\"dateField\": \"created, meta.updated\","
        + " \"dateFormat\": \"DD/MM/YYYY HH:mm\"}", "2024-01-10T00:00:00Z", "2024-01-20T00:00:00Z");
    assertThat(f.keep(Json.obj("{\"created\": \"01/01/2024 10:00\","
        + " \"meta\": {\"updated\": \"15/01/2024 10:00\"}}"))).isTrue();
    assertThat(f.keep(Json.obj("{\"created\": \"01/01/2024 10:00\"}"))).isFalse();
    assertThat(f.keep(Json.obj("{\"created\": \"soon\"}"))).isTrue();
    assertThat(f.keep(Json.obj("{\"other\": 1}"))).isTrue();
  }

  @Test
  void aFirstRunHasNoLowerBound() {
    DeltaFilter f = filter("{\"dateField\": \"u\"}", null, "2024-01-20T00:00:00Z");
    assertThat(f.keep(Json.obj("{\"u\": \"1999-01-01T00:00:00Z\"}"))).isTrue();
    assertThat(f.keep(Json.obj("{\"u\": \"2025-01-01T00:00:00Z\"}"))).isFalse();
  }

  @Test
  void onlyDeltaExportsWithADateFieldAreFiltered() {
    assertThat(DeltaFilter.of(new ExportContext(Json.obj("{\"delta\": {\"dateField\": \"u\"}}"),
        null, Optional.empty(), Optional.of(Instant.now()), 0, null, false, null))).isEmpty();
    assertThat(DeltaFilter.of(new ExportContext(Json.obj("{\"type\": \"delta\"}"), null,
        Optional.empty(), Optional.of(Instant.now()), 0, null, false, null))).isEmpty();
  }

  @Test
  void theReaderDropsRecordsOutsideTheWindowAndKeepsPaging() throws Exception {
    ExportFixture f = new ExportFixture(server);
    server.enqueue(Json.ok("{\"items\": [{\"id\": \"old\", \"u\": \"2023-06-01T00:00:00Z\"},"
        + " {\"id\": \"new\", \"u\": \"2024-01-15T00:00:00Z\"}], \"next\": \"/x?p=2\"}"));
    server.enqueue(Json.ok("{\"items\": [{\"id\": \"old2\", \"u\": \"2023-06-01T00:00:00Z\"}],"
        + " \"next\": \"/x?p=3\"}"));
    server.enqueue(Json.ok("{\"items\": [{\"id\": \"new3\", \"u\": \"2024-01-31T00:00:00Z\"}]}"));
    assertThat(ids(f.pages("{\"type\": \"delta\", \"delta\": {\"dateField\": \"u\"},"
        + " \"rest\": {\"relativeURI\": \"/x\", \"resourcePath\": \"items\","
        + " \"pagingMethod\": \"nextpageurl\", \"nextPagePath\": \"next\"}}")))
        .containsExactly("new", "new3");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
