package io.integrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PagingTest {

    private static final List<Long> IDS_1_TO_45 = LongStream.rangeClosed(1, 45).boxed().toList();

    private static RestApiServer serve(Paging paging) {
        return RestApiServer.builder().collection("orders", SampleData.orders(45)).paging("orders", paging).start();
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    @Test
    void noPagingServesEverythingAtOnce() {
        try (RestApiServer api = serve(Paging.none())) {
            assertThat(ids(Http.json(Http.get(api.url("/orders"))).get("data"))).isEqualTo(IDS_1_TO_45);
        }
    }

    @Test
    void pageNumbersFromOneEndWithAnEmptyPage() {
        try (RestApiServer api = serve(Paging.pageNumber().withPageSize(10))) {
            List<Long> seen = new ArrayList<>();
            int page = 1;
            while (true) {
                JsonNode data = Http.json(Http.get(api.url("/orders?page=" + page))).get("data");
                if (data.isEmpty()) {
                    break;
                }
                seen.addAll(ids(data));
                page++;
            }
            assertThat(seen).isEqualTo(IDS_1_TO_45);
            assertThat(page).isEqualTo(6);
        }
    }

    @Test
    void pageNumbersFromZeroWithOwnParamNamesTotalsAndLastPageFlag() {
        Paging paging = Paging.pageNumber().withFirstPage(0).withPageParams("p", "per_page")
                .withTotals("meta.totalPages", "meta.totalCount").withLastPageFlag("meta.lastPage");
        try (RestApiServer api = serve(paging)) {
            JsonNode first = Http.json(Http.get(api.url("/orders?p=0&per_page=20")));
            assertThat(ids(first.get("data"))).isEqualTo(IDS_1_TO_45.subList(0, 20));
            assertThat(first.at("/meta/totalPages").asInt()).isEqualTo(3);
            assertThat(first.at("/meta/totalCount").asInt()).isEqualTo(45);
            assertThat(first.at("/meta/lastPage").asBoolean()).isFalse();
            JsonNode last = Http.json(Http.get(api.url("/orders?p=2&per_page=20")));
            assertThat(ids(last.get("data"))).isEqualTo(IDS_1_TO_45.subList(40, 45));
            assertThat(last.at("/meta/lastPage").asBoolean()).isTrue();
            assertThat(Http.get(api.url("/orders?p=-1")).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void pastTheEndAnswersTheConfiguredStatusButAnEmptyFirstPageIsFine() {
        try (RestApiServer api = RestApiServer.builder()
                .collection("orders", SampleData.orders(20)).paging("orders", Paging.pageNumber().withEndStatus(404))
                .collection("none").paging("none", Paging.pageNumber().withEndStatus(404)).start()) {
            assertThat(Http.get(api.url("/orders?page=1")).statusCode()).isEqualTo(200);
            HttpResponse<String> past = Http.get(api.url("/orders?page=2"));
            assertThat(past.statusCode()).isEqualTo(404);
            assertThat(Http.json(past).get("message").asText()).contains("past the last of 20 records of 'orders'");
            HttpResponse<String> empty = Http.get(api.url("/none"));
            assertThat(empty.statusCode()).isEqualTo(200);
            assertThat(Http.json(empty).get("data")).isEmpty();
        }
    }

    @Test
    void skipAndLimit() {
        try (RestApiServer api = serve(Paging.skipLimit().withPageSize(7))) {
            List<Long> seen = new ArrayList<>();
            for (int skip = 0; ; skip += 7) {
                JsonNode data = Http.json(Http.get(api.url("/orders?skip=" + skip))).get("data");
                if (data.isEmpty()) {
                    break;
                }
                assertThat(data.size()).isLessThanOrEqualTo(7);
                seen.addAll(ids(data));
            }
            assertThat(seen).isEqualTo(IDS_1_TO_45);
            assertThat(ids(Http.json(Http.get(api.url("/orders?skip=40&limit=2"))).get("data")))
                    .containsExactly(41L, 42L);
        }
    }

    @Test
    void cursorInTheBodyKeepsThePageSizeOfTheFirstRequest() {
        try (RestApiServer api = serve(Paging.cursor().withCursorField("paging.next"))) {
            List<Long> seen = new ArrayList<>();
            URI next = api.url("/orders?pageSize=15");
            int requests = 0;
            while (next != null) {
                JsonNode body = Http.json(Http.get(next));
                requests++;
                seen.addAll(ids(body.get("data")));
                JsonNode cursor = body.at("/paging/next");
                next = cursor.isMissingNode() ? null : api.url("/orders?cursor=" + cursor.asText());
            }
            assertThat(seen).isEqualTo(IDS_1_TO_45);
            assertThat(requests).isEqualTo(3);
            assertThat(Http.get(api.url("/orders?cursor=garbage!")).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void cursorInAHeaderWithABareArrayAndAnEmptyLastPage() {
        Paging paging = Paging.cursor().withCursorInHeader("X-Next-Cursor").withBareArray().withPageSize(15)
                .withEmptyPageAtEnd(true);
        try (RestApiServer api = serve(paging)) {
            List<Long> seen = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            URI next = api.url("/orders");
            while (next != null) {
                HttpResponse<String> response = Http.get(next);
                JsonNode body = Http.json(response);
                assertThat(body.isArray()).isTrue();
                seen.addAll(ids(body));
                sizes.add(body.size());
                next = response.headers().firstValue("X-Next-Cursor").map(c -> api.url("/orders?cursor=" + c))
                        .orElse(null);
            }
            assertThat(seen).isEqualTo(IDS_1_TO_45);
            assertThat(sizes).containsExactly(15, 15, 15, 0);
        }
    }

    @Test
    void nextUrlInTheBodyKeepsOtherQueryParameters() {
        try (RestApiServer api = serve(Paging.nextUrl().withPageSize(20))) {
            List<Long> seen = new ArrayList<>();
            String next = api.url("/orders?status=paid").toString();
            while (next != null) {
                JsonNode body = Http.json(Http.get(URI.create(next)));
                seen.addAll(ids(body.get("data")));
                next = body.hasNonNull("next") ? body.get("next").asText() : null;
                if (next != null) {
                    assertThat(next).startsWith(api.baseUri() + "/orders?status=paid&cursor=");
                }
            }
            assertThat(seen).isEqualTo(IntStream.rangeClosed(1, 45).filter(i -> (i - 1) % 4 == 1).asLongStream()
                    .boxed().toList());
        }
    }

    @Test
    void nextRelativeUriUsesTheLastRecordsIdAndEndsWithA404WhenAsked() {
        Paging paging = Paging.nextRelativeUri().withPageSize(20).withEmptyPageAtEnd(true).withEndStatus(404);
        try (RestApiServer api = serve(paging)) {
            List<Long> seen = new ArrayList<>();
            List<String> nexts = new ArrayList<>();
            String next = "/orders";
            int status = 200;
            while (next != null) {
                HttpResponse<String> response = Http.get(api.url(next));
                status = response.statusCode();
                if (status != 200) {
                    break;
                }
                JsonNode body = Http.json(response);
                seen.addAll(ids(body.get("data")));
                next = body.hasNonNull("nextPage") ? body.get("nextPage").asText() : null;
                nexts.add(next);
            }
            assertThat(seen).isEqualTo(IDS_1_TO_45);
            assertThat(nexts).containsExactly("/orders?after=20", "/orders?after=40", "/orders?after=45");
            assertThat(status).isEqualTo(404);
            assertThat(Http.get(api.url("/orders?after=999")).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void linkHeaderWithNextFirstAndPrev() {
        try (RestApiServer api = serve(Paging.linkHeader().withPageSize(20))) {
            List<Long> seen = new ArrayList<>();
            List<String> links = new ArrayList<>();
            String next = api.url("/orders").toString();
            while (next != null) {
                HttpResponse<String> response = Http.get(URI.create(next));
                seen.addAll(ids(Http.json(response).get("data")));
                String link = response.headers().firstValue("Link").orElse(null);
                links.add(link);
                next = link == null ? null : nextOf(link);
            }
            assertThat(seen).isEqualTo(IDS_1_TO_45);
            assertThat(links.get(1)).isEqualTo("<" + api.baseUri() + "/orders?page=3>; rel=\"next\", <"
                    + api.baseUri() + "/orders?page=1>; rel=\"first\", <" + api.baseUri() + "/orders?page=1>; rel=\"prev\"");
            assertThat(links.get(2)).isNull();
        }
    }

    private static String nextOf(String link) {
        for (String part : link.split(",")) {
            if (part.contains("rel=\"next\"")) {
                return part.substring(part.indexOf('<') + 1, part.indexOf('>'));
            }
        }
        return null;
    }

    @Test
    void postSearchCarriesTheCursorAndFiltersInTheBody() {
        try (RestApiServer api = serve(Paging.pageNumber().withPageSize(5))) {
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            do {
                String body = "{\"status\":\"new\",\"pageSize\":4" + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"")
                        + "}";
                JsonNode page = Http.json(Http.send("POST", api.url("/orders/search"), body));
                seen.addAll(ids(page.get("data")));
                cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            } while (cursor != null);
            assertThat(seen).isEqualTo(IntStream.rangeClosed(1, 45).filter(i -> (i - 1) % 4 == 0).asLongStream()
                    .boxed().toList());
            assertThat(api.records("orders")).hasSize(45);
        }
    }

    @Test
    void updatedSinceAndUntilSelectTheDeltaWindow() {
        try (RestApiServer api = serve(Paging.pageNumber().withPageSize(100))) {
            String since = SampleData.START.plusSeconds(60 * 9).toString();
            String until = SampleData.START.plusSeconds(60 * 19).toString();
            JsonNode data = Http.json(Http.get(api.url("/orders?updatedSince=" + since + "&updatedUntil=" + until)))
                    .get("data");
            assertThat(ids(data)).isEqualTo(LongStream.rangeClosed(11, 20).boxed().toList());
            assertThat(ids(Http.json(Http.get(api.url("/orders?updatedSince=" + until))).get("data")))
                    .isEqualTo(LongStream.rangeClosed(21, 45).boxed().toList());
            HttpResponse<String> bad = Http.get(api.url("/orders?updatedSince=yesterday"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(Http.json(bad).get("message").asText()).contains("updatedSince").contains("yesterday");
        }
    }

    @Test
    void anEnvelopeMayBeNestedAndThePagingChangedWhileRunning() {
        try (RestApiServer api = serve(Paging.pageNumber())) {
            api.paging("orders", Paging.skipLimit().withEnvelope("result.items").withPageSize(3));
            JsonNode body = Http.json(Http.get(api.url("/orders?skip=3")));
            assertThat(ids(body.at("/result/items"))).containsExactly(4L, 5L, 6L);
        }
    }

    @Test
    void aBareArrayCannotCarryBodyFields() {
        RestApiServer.Builder builder = RestApiServer.builder().collection("orders")
                .paging("orders", Paging.nextUrl().withBareArray());
        org.assertj.core.api.Assertions.assertThatThrownBy(builder::start)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'orders'").hasMessageContaining("bare-array");
    }
}
