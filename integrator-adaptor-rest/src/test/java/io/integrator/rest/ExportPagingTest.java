package io.integrator.rest;

import static io.integrator.rest.ExportFixture.ids;
import static io.integrator.rest.ExportFixture.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrator.spi.AdaptorException;
import io.integrator.spi.Page;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ExportPagingTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final ExportFixture f = new ExportFixture(server);

  private String target() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS).getTarget();
  }

  /** Serves pages from a function of the request. */
  private void serve(java.util.function.Function<RecordedRequest, MockResponse> fn) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return fn.apply(r);
      }
    });
  }

  @Test
  void withoutPagingOneRequestTopLevelArrayGivesOneRecordPerElement() throws Exception {
    server.enqueue(Json.ok(records("a", 0, 3)));
    List<Page> pages = f.pages("{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/items\"}}");
    assertThat(ids(pages)).containsExactly("a0", "a1", "a2");
    assertThat(target()).isEqualTo("/api/items");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void withoutResourcePathAnObjectBodyIsOneRecord() throws Exception {
    server.enqueue(Json.ok("{\"id\": \"only\", \"items\": [1, 2]}"));
    List<Page> pages = f.pages("{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/me\"}}");
    assertThat(pages).singleElement().satisfies(p ->
        assertThat(p.records()).singleElement().satisfies(r ->
            assertThat(r.toString()).isEqualTo("{\"id\":\"only\",\"items\":[1,2]}")));
  }

  @Test
  void resourcePathFindsNestedArraysSingleObjectsAndWrapsScalars() throws Exception {
    server.enqueue(Json.ok("{\"meta\": {\"n\": 2}, \"data\": {\"items\": " + records("r", 0, 2)
        + "}, \"after\": true}"));
    assertThat(ids(f.pages("{\"rest\": {\"relativeURI\": \"/x\", \"resourcePath\": \"data.items\"}}")))
        .containsExactly("r0", "r1");
    server.enqueue(Json.ok("{\"data\": {\"id\": \"one\"}}"));
    assertThat(ids(f.pages("{\"rest\": {\"relativeURI\": \"/x\", \"resourcePath\": \"$.data\"}}")))
        .containsExactly("one");
    server.enqueue(Json.ok("{\"ids\": [\"a\", \"b\"]}"));
    List<Page> scalars = f.pages("{\"rest\": {\"relativeURI\": \"/x\", \"resourcePath\": \"ids\"}}");
    assertThat(scalars.get(0).records().get(1).toString()).isEqualTo("{\"value\":\"b\"}");
  }

  @Test
  void aMissingResourcePathGivesNoRecordsAndAnErrorSaysWhy() throws Exception {
    server.enqueue(Json.ok("{\"results\": [{\"id\": 1}], \"count\": 1}"));
    List<Page> pages = f.pages("{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/x\","
        + " \"resourcePath\": \"items\"}}");
    assertThat(pages).singleElement().satisfies(p -> {
      assertThat(p.records()).isEmpty();
      assertThat(p.errors()).singleElement().satisfies(e -> {
        assertThat(e.code()).isEqualTo("resource_path_missing");
        assertThat(e.message()).contains("export 'e1' page 1: rest.resourcePath 'items' is not"
            + " in the response").contains("results, count");
      });
    });
  }

  @Test
  void aResponseLargerThanAPageIsCutIntoPagesFromOneRequest() throws Exception {
    server.enqueue(Json.ok("{\"items\": " + records("r", 0, 250) + ", \"next\": null}"));
    List<Page> pages = f.pages("{\"pageSize\": 100, \"rest\": {\"relativeURI\": \"/x\","
        + " \"resourcePath\": \"items\"}}");
    assertThat(pages).extracting(p -> p.records().size()).containsExactly(100, 100, 50);
    assertThat(ids(pages)).hasSize(250).startsWith("r0").endsWith("r249").doesNotHaveDuplicates();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theLimitStopsReadingAndFetching() throws Exception {
    serve(r -> Json.ok("{\"items\": " + records("p" + r.getUrl().queryParameter("page") + "-", 0,
        10) + "}"));
    List<Page> pages = f.pages("{\"pageSize\": 4, \"rest\": {\"relativeURI\": \"/x\","
        + " \"resourcePath\": \"items\", \"pagingMethod\": \"pageargument\","
        + " \"pageArgument\": \"page\"}}", 13);
    assertThat(pages).extracting(p -> p.records().size()).containsExactly(4, 4, 2, 3);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void pageArgumentStartsAtOneOnEveryRequestAndStopsOnAnEmptyPage() throws Exception {
    serve(r -> {
      int page = Integer.parseInt(r.getUrl().queryParameter("p"));
      return Json.ok(page <= 2 ? records("p" + page + "-", 0, 2) : "[]");
    });
    List<Page> pages = f.pages("{\"rest\": {\"relativeURI\": \"/x?sort=id\","
        + " \"pagingMethod\": \"pageargument\", \"pageArgument\": \"p\"}}");
    assertThat(ids(pages)).containsExactly("p1-0", "p1-1", "p2-0", "p2-1");
    assertThat(target()).isEqualTo("/api/x?sort=id&p=1");
    assertThat(target()).isEqualTo("/api/x?sort=id&p=2");
    assertThat(target()).isEqualTo("/api/x?sort=id&p=3");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void pageArgumentStopsAtMaxPagePathAndMaxCountPath() throws Exception {
    serve(r -> Json.ok("{\"pages\": 2, \"total\": 3, \"items\": "
        + records("p" + r.getUrl().queryParameter("page") + "-", 0, 2) + "}"));
    assertThat(ids(f.pages("{\"rest\": {\"relativeURI\": \"/x\", \"resourcePath\": \"items\","
        + " \"pagingMethod\": \"pageargument\", \"pageArgument\": \"page\","
        + " \"maxPagePath\": \"pages\"}}"))).hasSize(4);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(ids(f.pages("{\"rest\": {\"relativeURI\": \"/x\", \"resourcePath\": \"items\","
        + " \"pagingMethod\": \"pageargument\", \"pageArgument\": \"page\","
        + " \"maxCountPath\": \"total\"}}"))).hasSize(4);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void nextPageUrlFollowsAbsoluteAndRelativeUrlsUntilThePathIsMissing() throws Exception {
    server.enqueue(Json.ok("{\"items\": " + records("a", 0, 2) + ", \"links\": {\"next\": \""
        + server.url("/api/x?cursor=2") + "\"}}"));
    server.enqueue(Json.ok("{\"items\": " + records("b", 0, 2) + ", \"links\": {\"next\":"
        + " \"/x?cursor=3\"}}"));
    server.enqueue(Json.ok("{\"items\": " + records("c", 0, 1) + ", \"links\": {}}"));
    List<Page> pages = f.pages("{\"rest\": {\"relativeURI\": \"/x\", \"resourcePath\": \"items\","
        + " \"pagingMethod\": \"nextpageurl\", \"nextPagePath\": \"links.next\"}}");
    assertThat(ids(pages)).containsExactly("a0", "a1", "b0", "b1", "c0");
    assertThat(target()).isEqualTo("/api/x");
    assertThat(target()).isEqualTo("/api/x?cursor=2");
    assertThat(target()).isEqualTo("/api/x?cursor=3");
  }

  @Test
  void legacyRelativeUriTakesTheLastRecordAndStopsOnAnEmptyPage() throws Exception {
    serve(r -> {
      String after = r.getUrl().queryParameter("after");
      if (after == null) {
        return Json.ok(records("", 1, 3));
      }
      int from = Integer.parseInt(after) + 1;
      return Json.ok(from > 6 ? "[]" : records("", from, 3));
    });
    List<Page> pages = f.pages("{\"rest\": {\"relativeURI\": \"/x\","
        + " \"pagingMethod\": \"relativeuri\", \"nextPageRelativeURI\": \"/x?after={id}\"}}");
    assertThat(ids(pages)).containsExactly("1", "2", "3", "4", "5", "6");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void legacyRelativeUriStopsWhenAPlaceholderHasNoValue() throws Exception {
    server.enqueue(Json.ok("[{\"name\": \"no id\"}]"));
    assertThat(f.pages("{\"rest\": {\"relativeURI\": \"/x\", \"pagingMethod\": \"relativeuri\","
        + " \"nextPageRelativeURI\": \"/x?after={id}\"}}")).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void linkHeaderFollowsNextAndACustomRelation() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type",
        "application/json").addHeader("Link", "<" + server.url("/api/x?page=2")
        + ">; rel=\"next\", <https://elsewhere.test/last>; rel=\"last\"")
        .body(records("a", 0, 1)).build());
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Link",
        "</api/x?page=1>; rel=\"prev\"").body(records("b", 0, 1)).build());
    assertThat(ids(f.pages("{\"rest\": {\"relativeURI\": \"/x\","
        + " \"pagingMethod\": \"linkheader\"}}"))).containsExactly("a0", "b0");
    assertThat(server.getRequestCount()).isEqualTo(2);

    server.enqueue(new MockResponse.Builder().code(200).addHeader("Link",
        "<x?page=2>; rel=\"following\"").body(records("c", 0, 1)).build());
    server.enqueue(Json.ok(records("d", 0, 1)));
    f.type = "http";
    assertThat(ids(f.pages("{\"http\": {\"relativeURI\": \"/x\", \"paging\": {\"method\":"
        + " \"linkheader\", \"linkHeaderRelation\": \"following\"}}}")))
        .containsExactly("c0", "d0");
    target();
    target();
    target();
    assertThat(target()).isEqualTo("/api/x?page=2");
  }

  @Test
  void pageMethodRendersThePageNumberIntoTheRequest() throws Exception {
    f.type = "http";
    serve(r -> {
      int page = Integer.parseInt(r.getUrl().queryParameter("page"));
      return Json.ok("{\"total\": 5, \"data\": " + records("p" + page + "-", 0, 2) + "}");
    });
    List<Page> pages = f.pages("{\"http\": {\"relativeURI\":"
        + " \"/x?page={{export.http.paging.page}}\", \"resourcePath\": \"data\","
        + " \"paging\": {\"method\": \"page\", \"page\": 1, \"maxCountPath\": \"total\"}}}");
    assertThat(ids(pages)).containsExactly("p1-0", "p1-1", "p2-0", "p2-1", "p3-0", "p3-1");
    assertThat(target()).isEqualTo("/api/x?page=1");
    assertThat(target()).isEqualTo("/api/x?page=2");
    assertThat(target()).isEqualTo("/api/x?page=3");
  }

  @Test
  void skipMethodAddsThePageSizeAndStopsOnAnEmptyPage() throws Exception {
    f.type = "http";
    serve(r -> {
      int skip = Integer.parseInt(r.getUrl().queryParameter("offset"));
      return Json.ok(skip >= 6 ? "[]" : records("", skip, 3));
    });
    List<Page> pages = f.pages("{\"pageSize\": 3, \"http\": {\"relativeURI\": \"/x\","
        + " \"query\": {\"offset\": \"{{export.http.paging.skip}}\", \"limit\": 3},"
        + " \"paging\": {\"method\": \"skip\"}}}");
    assertThat(ids(pages)).containsExactly("0", "1", "2", "3", "4", "5");
    assertThat(target()).isEqualTo("/api/x?offset=0&limit=3");
    assertThat(target()).isEqualTo("/api/x?offset=3&limit=3");
    assertThat(target()).isEqualTo("/api/x?offset=6&limit=3");
  }

  @Test
  void tokenMethodReadsTheCursorFromTheBodyWithAPathAfterTheFirstRequest() throws Exception {
    f.type = "http";
    server.enqueue(Json.ok("{\"first\": {\"cursor\": \"c2\"}, \"items\": " + records("a", 0, 1) + "}"));
    server.enqueue(Json.ok("{\"next\": \"c3\", \"items\": " + records("b", 0, 1) + "}"));
    server.enqueue(Json.ok("{\"next\": null, \"items\": " + records("c", 0, 1) + "}"));
    List<Page> pages = f.pages("{\"http\": {\"relativeURI\":"
        + " \"/x?cursor={{export.http.paging.token}}\", \"resourcePath\": \"items\","
        + " \"paging\": {\"method\": \"token\", \"path\": \"first.cursor\", \"pathLocation\": \"body\","
        + " \"pathAfterFirstRequest\": \"next\"}}}");
    assertThat(ids(pages)).containsExactly("a0", "b0", "c0");
    assertThat(target()).isEqualTo("/api/x?cursor=");
    assertThat(target()).isEqualTo("/api/x?cursor=c2");
    assertThat(target()).isEqualTo("/api/x?cursor=c3");
  }

  @Test
  void tokenMethodReadsAHeaderAndMayStartWithAToken() throws Exception {
    f.type = "http";
    server.enqueue(new MockResponse.Builder().code(200).addHeader("X-Next", "t2")
        .body(records("a", 0, 1)).build());
    server.enqueue(Json.ok(records("b", 0, 1)));
    List<Page> pages = f.pages("{\"http\": {\"relativeURI\": \"/x\", \"method\": \"POST\","
        + " \"postBody\": {\"cursor\": \"{{export.http.paging.token}}\"},"
        + " \"paging\": {\"method\": \"token\", \"path\": \"X-Next\", \"pathLocation\": \"header\","
        + " \"token\": \"t1\"}}}");
    assertThat(ids(pages)).containsExactly("a0", "b0");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8())
        .isEqualTo("{\"cursor\":\"t1\"}");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8())
        .isEqualTo("{\"cursor\":\"t2\"}");
  }

  @Test
  void urlMethodFollowsTheUrlAtPath() throws Exception {
    f.type = "http";
    server.enqueue(Json.ok("{\"items\": " + records("a", 0, 1) + ", \"next\": \"/x?p=2\"}"));
    server.enqueue(Json.ok("{\"items\": " + records("b", 0, 1) + ", \"next\": \"\"}"));
    assertThat(ids(f.pages("{\"http\": {\"relativeURI\": \"/x\", \"resourcePath\": \"items\","
        + " \"paging\": {\"method\": \"url\", \"path\": \"next\"}}}"))).containsExactly("a0", "b0");
    target();
    assertThat(target()).isEqualTo("/api/x?p=2");
  }

  @Test
  void relativeUriMethodRendersPreviousPageValues() throws Exception {
    f.type = "http";
    server.enqueue(new MockResponse.Builder().code(200).addHeader("X-Batch", "b7")
        .body("{\"meta\": {\"after\": \"k2\"}, \"rows\": " + records("a", 0, 2) + "}").build());
    server.enqueue(Json.ok("{\"rows\": []}"));
    assertThat(ids(f.pages("{\"http\": {\"relativeURI\": \"/x\", \"resourcePath\": \"rows\","
        + " \"paging\": {\"method\": \"relativeuri\", \"relativeURI\":"
        + " \"/x?after={{previous_page.full_response.meta.after}}&last={{previous_page.last_record.id}}"
        + "&b={{previous_page.headers.X-Batch}}\"}}}"))).containsExactly("a0", "a1");
    target();
    assertThat(target()).isEqualTo("/api/x?after=k2&last=a1&b=b7");
  }

  @Test
  void bodyMethodPostsTheBodyTemplateFromPageTwo() throws Exception {
    f.type = "http";
    server.enqueue(Json.ok("{\"cursor\": \"n2\", \"rows\": " + records("a", 0, 1) + "}"));
    server.enqueue(Json.ok("{\"cursor\": \"n3\", \"rows\": []}"));
    assertThat(ids(f.pages("{\"http\": {\"relativeURI\": \"/search\", \"method\": \"POST\","
        + " \"resourcePath\": \"rows\", \"postBody\": {\"q\": \"all\"},"
        + " \"paging\": {\"method\": \"body\", \"body\":"
        + " {\"q\": \"all\", \"cursor\": \"{{previous_page.full_response.cursor}}\"}}}}")))
        .containsExactly("a0");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8()).isEqualTo("{\"q\":\"all\"}");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8())
        .isEqualTo("{\"q\":\"all\",\"cursor\":\"n2\"}");
  }

  @Test
  void a404AfterTheFirstPageEndsPagingButOnTheFirstPageFails() throws Exception {
    server.enqueue(Json.ok(records("a", 0, 2)));
    server.enqueue(Json.status(404, "{\"message\": \"no such page\"}"));
    String export = "{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/x\","
        + " \"pagingMethod\": \"pageargument\", \"pageArgument\": \"page\"}}";
    assertThat(ids(f.pages(export))).containsExactly("a0", "a1");
    server.enqueue(Json.status(404, "{\"message\": \"no such resource\"}"));
    assertThatThrownBy(() -> f.pages(export)).isInstanceOf(AdaptorException.class)
        .hasMessageContaining("export 'e1' page 1: GET").hasMessageContaining("returned 404")
        .hasMessageContaining("no such resource")
        .satisfies(e -> assertThat(((AdaptorException) e).classification()).isEqualTo("value"));
  }

  @Test
  void lastPageStatusCodeReplaces404() throws Exception {
    f.type = "http";
    String export = "{\"_id\": \"e1\", \"http\": {\"relativeURI\": \"/x?p={{export.http.paging.page}}\","
        + " \"paging\": {\"method\": \"page\", \"lastPageStatusCode\": 204}}}";
    server.enqueue(Json.ok(records("a", 0, 1)));
    server.enqueue(new MockResponse.Builder().code(204).build());
    assertThat(ids(f.pages(export))).containsExactly("a0");
    server.enqueue(Json.ok(records("a", 0, 1)));
    server.enqueue(Json.status(404, "{}"));
    assertThatThrownBy(() -> f.pages(export)).hasMessageContaining("export 'e1' page 2")
        .hasMessageContaining("404");
  }

  @Test
  void lastPagePathAndValuesStopAfterThatPage() throws Exception {
    f.type = "http";
    serve(r -> {
      int page = Integer.parseInt(r.getUrl().queryParameter("p"));
      return Json.ok("{\"more\": " + (page < 2 ? "true" : "null") + ", \"items\": "
          + records("p" + page + "-", 0, 1) + "}");
    });
    assertThat(ids(f.pages("{\"http\": {\"relativeURI\": \"/x?p={{export.http.paging.page}}\","
        + " \"resourcePath\": \"items\", \"paging\": {\"method\": \"page\","
        + " \"lastPagePath\": \"more\", \"lastPageValues\": [\"false\", \"null\"]}}}")))
        .containsExactly("p0-0", "p1-0", "p2-0");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void pagingResourcePathAppliesFromPageTwo() throws Exception {
    f.type = "http";
    server.enqueue(Json.ok("{\"first\": " + records("a", 0, 1) + ", \"next\": \"/x?p=2\"}"));
    server.enqueue(Json.ok("{\"later\": " + records("b", 0, 1) + "}"));
    assertThat(ids(f.pages("{\"http\": {\"relativeURI\": \"/x\", \"resourcePath\": \"first\","
        + " \"paging\": {\"method\": \"url\", \"path\": \"next\", \"resourcePath\": \"later\"}}}")))
        .containsExactly("a0", "b0");
  }

  @Test
  void aNextUrlEqualToThePreviousOneFailsAsALoop() throws Exception {
    serve(r -> Json.ok("{\"items\": " + records("a", 0, 1) + ", \"next\": \"/x\"}"));
    assertThatThrownBy(() -> f.pages("{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/x\","
        + " \"resourcePath\": \"items\", \"pagingMethod\": \"nextpageurl\","
        + " \"nextPagePath\": \"next\"}}"))
        .isInstanceOf(AdaptorException.class)
        .hasMessageContaining("export 'e1': paging would request GET")
        .hasMessageContaining("again after page 1");
  }

  @Test
  void pageMethodWithoutThePlaceholderFailsAsALoopWithAHint() throws Exception {
    f.type = "http";
    serve(r -> Json.ok(records("a", 0, 1)));
    assertThatThrownBy(() -> f.pages("{\"_id\": \"e1\", \"http\": {\"relativeURI\": \"/x\","
        + " \"paging\": {\"method\": \"page\"}}}"))
        .hasMessageContaining("reference {{export.http.paging.page}}");
  }

  @Test
  void aRepeatedTokenFailsAsALoop() throws Exception {
    f.type = "http";
    serve(r -> Json.ok("{\"t\": \"same\", \"items\": " + records("a", 0, 1) + "}"));
    assertThatThrownBy(() -> f.pages("{\"_id\": \"e1\", \"http\": {\"relativeURI\":"
        + " \"/x?t={{export.http.paging.token}}\", \"resourcePath\": \"items\","
        + " \"paging\": {\"method\": \"token\", \"path\": \"t\", \"pathLocation\": \"body\"}}}"))
        .hasMessageContaining("same paging token");
  }

  @Test
  void conflictingPagingSettingsAreRefused() {
    assertThatThrownBy(() -> f.pages("{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/x\","
        + " \"pagingMethod\": \"linkheader\", \"paging\": {\"method\": \"page\"}}}"))
        .hasMessageContaining("export 'e1' rest.pagingMethod 'linkheader' conflicts with"
            + " export 'e1' rest.paging.method 'page'");
    assertThatThrownBy(() -> f.pages("{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/x\","
        + " \"pagingMethod\": \"nextpageurl\"}}"))
        .hasMessageContaining("export 'e1' rest.nextPagePath is required");
    assertThatThrownBy(() -> f.pages("{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/x\","
        + " \"paging\": {\"method\": \"token\", \"path\": \"x\"}}}"))
        .hasMessageContaining("rest.paging.pathLocation (body or header) is required");
  }
}
