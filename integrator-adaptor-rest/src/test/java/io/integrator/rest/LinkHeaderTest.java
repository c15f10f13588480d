package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

  @Test
  void findsTheRelationAmongSeveralLinksAndHeaders() {
    List<String> headers = List.of(
        "<https://a.test/x?page=1>; rel=\"first\", <https://a.test/x?page=3>; rel=\"next\"",
        "<https://a.test/x?page=9>; rel=\"last\"");
    assertThat(LinkHeader.find(headers, "next")).isEqualTo("https://a.test/x?page=3");
    assertThat(LinkHeader.find(headers, "last")).isEqualTo("https://a.test/x?page=9");
    assertThat(LinkHeader.find(headers, "prev")).isNull();
    assertThat(LinkHeader.find(List.of("</p2>; title=\"x\"; rel=\"next prefetch\""), "prefetch"))
        .isEqualTo("/p2");
    assertThat(LinkHeader.find(List.of("</p2>; rel=next"), "next")).isEqualTo("/p2");
    assertThat(LinkHeader.find(List.of("</p2>; rel=\"Next\""), "next")).isNull();
    assertThat(LinkHeader.find(List.of(), "next")).isNull();
  }

  @Test
  void backoffDoublesUpToItsCap() {
    RetryPolicy p = new RetryPolicy(4, 10, Duration.ofSeconds(1), Duration.ofSeconds(30));
    assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.backoff(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.backoff(10)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryPolicy.DEFAULT.attempts()).isEqualTo(4);
  }
}
