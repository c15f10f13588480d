package io.integrator.benchmarks.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The NetSuite benchmark's legs on small pages: every order arrives (the legs check it) and each
 * leg makes the SOAP calls the figures in docs/benchmarks.md count. No timing is asserted.
 */
class NetSuiteBenchmarkTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private List<NetSuiteBenchmark.Result> run(String... args) {
    return NetSuiteBenchmark.benchmark(NetSuiteBenchmark.options(args),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  @Test
  void aPageTakesOneSearchPerSelectLookupOrOnePerDistinctStringAndOneAddListPer200Orders() {
    List<NetSuiteBenchmark.Result> results = run("--orders", "201", "--customers", "20", "--items",
        "10", "--reps", "3", "--rounds", "1", "--warmup", "5", "--legs", "select,string");
    NetSuiteData data = NetSuiteData.orders(201, 20, 10, 3, 7);

    assertThat(results).extracting(NetSuiteBenchmark.Result::leg).containsExactly("select", "string");
    assertThat(results.get(0).calls()).containsEntry("search", 3).containsEntry("addList", 2)
        .containsEntry("searchMoreWithId", 0);
    assertThat(results.get(1).calls())
        .containsEntry("search", data.distinctCustomers + data.distinctItems + data.distinctReps)
        .containsEntry("addList", 2);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("median of the rounds");
  }

  @Test
  void theBaselineSearchesPerLookupAndWritesPerOrder() {
    List<NetSuiteBenchmark.Result> results = run("--orders", "15", "--customers", "5", "--items",
        "5", "--reps", "2", "--rounds", "1", "--warmup", "2", "--legs", "per-record");

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.calls()).containsEntry("search", 3 * 15).containsEntry("addList", 15);
      assertThat(r.orders()).isEqualTo(15);
    });
  }
}
