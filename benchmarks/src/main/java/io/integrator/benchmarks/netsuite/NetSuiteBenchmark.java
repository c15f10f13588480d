package io.integrator.benchmarks.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.spi.SubmitResult;
import io.integrator.store.Stores;
import io.integrator.testkit.Paging;
import io.integrator.testkit.RestApiServer;
import io.integrator.testkit.SuiteTalkServer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NetSuite web services import of one page of web orders with three lookups (customer, item, sales
 * rep) into the testkit's {@link SuiteTalkServer} (issue 7 item 9). It counts the SOAP calls each
 * leg makes (the fake counts them per operation) and measures throughput, in one JVM and one run:
 *
 * <ul>
 *   <li>{@code per-record}, the baseline: {@code Integrator.invokeImport} with one order at a time,
 *       so each order costs one search per lookup and one write of one record;
 *   <li>{@code select}: a flow whose REST export hands the whole page to the import; lookups by
 *       {@code externalId} (a select field: one {@code anyOf} search per lookup per page), writes in
 *       {@code addList} batches of 200;
 *   <li>{@code string}: the same flow with lookups by e-mail and {@code itemId} (string fields:
 *       NetSuite's {@code SearchStringField} takes one value, so one search per distinct value).
 * </ul>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.integrator.benchmarks.netsuite.NetSuiteBenchmark \
 *      [--orders 1000] [--customers 200] [--items 100] [--reps 20] [--rounds 3] [--warmup 200] \
 *      [--concurrency 1] [--legs per-record,select,string] [--nodelay true]
 * </pre>
 */
public final class NetSuiteBenchmark {
  private static final List<String> OPERATIONS = List.of("search", "searchMoreWithId", "addList",
      "add");

  private NetSuiteBenchmark() {}

  /** One measured leg. */
  record Result(String leg, int round, double seconds, int orders, Map<String, Integer> calls) {
    double ordersPerSecond() {
      return orders / seconds;
    }

    int totalCalls() {
      return calls.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** Runs the benchmark; see the class comment for the options. */
  public static void main(String[] args) {
    benchmark(options(args), System.out);
  }

  /**
   * Runs every round of every leg, printing a row per leg and round and the summary to {@code out}.
   *
   * @return the measured legs (warm-up excluded)
   * @throws IllegalStateException when a leg did not import every order
   */
  static List<Result> benchmark(Map<String, String> opts, PrintStream out) {
    int orders = Integer.parseInt(opts.getOrDefault("orders", "1000"));
    int customers = Integer.parseInt(opts.getOrDefault("customers", "200"));
    int items = Integer.parseInt(opts.getOrDefault("items", "100"));
    int reps = Integer.parseInt(opts.getOrDefault("reps", "20"));
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "200"));
    int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "1"));
    List<String> legs = List.of(opts.getOrDefault("legs", "per-record,select,string").split(","));
    // Without TCP_NODELAY the JDK HTTP server under the fake stalls every SOAP call by 40 ms or more
    // on Linux loopback (most likely Nagle's algorithm holding the response body until the client's
    // delayed ACK). Read once, before the first server starts; --nodelay false measures with it.
    System.setProperty("sun.net.httpserver.nodelay", opts.getOrDefault("nodelay", "true"));

    NetSuiteData data = NetSuiteData.orders(orders, customers, items, reps, 7);
    NetSuiteData warm = NetSuiteData.orders(warmup, customers, items, reps, 11);
    try (SuiteTalkServer ns = SuiteTalkServer.start();
        RestApiServer shop = RestApiServer.builder()
            .collection("orders", data.orders).paging("orders", Paging.pageNumber().withFirstPage(1)
                .withPageSize(orders))
            .collection("warmup", warm.orders).paging("warmup", Paging.pageNumber().withFirstPage(1)
                .withPageSize(warmup))
            .start();
        Integrator integrator = Integrator.builder().store(Stores.inMemory()).build()) {
      NetSuiteData.seed(ns, customers, items, reps);
      NetSuiteProject.create(integrator, ns, shop, concurrency, orders, warmup);

      out.printf(Locale.ROOT, "NetSuite import: %d orders (%d lines) in one page; lookups:"
          + " customer (%d distinct), item (%d distinct), sales rep (%d distinct);"
          + " SuiteTalkServer on 127.0.0.1, concurrencyLevelWebServices %d; JDK %s%n",
          orders, data.lines, data.distinctCustomers, data.distinctItems, data.distinctReps,
          concurrency, System.getProperty("java.version"));
      for (String leg : legs) {
        run(integrator, ns, leg, "warmup", warm.orders, 0);
      }
      out.printf(Locale.ROOT, "warm-up done (%d orders per leg)%n%n", warmup);
      out.printf(Locale.ROOT, "%-5s %-11s %8s %9s %10s %8s %8s %8s %8s %8s%n", "round",
          "leg", "time_s", "orders/s", "soap_calls", "search", "more", "addList", "add",
          "calls/ord");
      List<Result> results = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        for (String leg : legs) {
          Result r = run(integrator, ns, leg, "orders", data.orders, round);
          results.add(r);
          out.printf(Locale.ROOT, "%-5d %-11s %8.2f %9.1f %10d %8d %8d %8d %8d %8.3f%n",
              round, leg, r.seconds(), r.ordersPerSecond(), r.totalCalls(),
              r.calls().get("search"), r.calls().get("searchMoreWithId"), r.calls().get("addList"),
              r.calls().get("add"), r.totalCalls() / (double) orders);
        }
      }
      summary(results, legs, data, out);
      return results;
    }
  }

  private static Result run(Integrator integrator, SuiteTalkServer ns, String leg,
      String collection, List<ObjectNode> orders, int round) {
    int before = ns.records("salesOrder").size();
    ns.resetCalls();
    long t0 = System.nanoTime();
    switch (leg) {
      case "per-record" -> {
        for (ObjectNode order : orders) {
          List<SubmitResult> r = integrator.invokeImport("orders-by-external-id", List.of(order));
          if (!r.get(0).isSuccess()) {
            throw new IllegalStateException("per-record leg: order " + order.path("number")
                + " failed: " + r.get(0).errors());
          }
        }
      }
      case "select", "string" -> {
        Job job = integrator.runFlow(collection + "-" + leg);
        if (!"completed".equals(job.status()) || job.numSuccess() != orders.size()) {
          throw new IllegalStateException(leg + " leg: job " + job.id() + " " + job.status()
              + " with " + job.numSuccess() + " of " + orders.size() + " orders imported, "
              + job.numError() + " errors: " + integrator.jobErrors().list());
        }
      }
      default -> throw new IllegalArgumentException("unknown leg " + leg
          + "; use per-record, select, string");
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    int added = ns.records("salesOrder").size() - before;
    if (added != orders.size()) {
      throw new IllegalStateException(leg + " leg: " + added + " sales orders arrived, expected "
          + orders.size());
    }
    Map<String, Integer> calls = new LinkedHashMap<>();
    Map<String, Integer> counted = ns.calls();
    OPERATIONS.forEach(op -> calls.put(op, counted.getOrDefault(op, 0)));
    counted.forEach(calls::putIfAbsent);
    return new Result(leg, round, seconds, orders.size(), calls);
  }

  private static void summary(List<Result> results, List<String> legs, NetSuiteData data,
      PrintStream out) {
    out.println();
    out.println("median of the rounds (throughput ratio against the per-record baseline of"
        + " the same run):");
    Map<String, Double> median = new LinkedHashMap<>();
    for (String leg : legs) {
      List<Result> rs = results.stream().filter(r -> r.leg().equals(leg))
          .sorted(Comparator.comparingDouble(Result::seconds)).toList();
      median.put(leg, rs.get(rs.size() / 2).ordersPerSecond());
    }
    Double base = median.get("per-record");
    for (String leg : legs) {
      Result any = results.stream().filter(r -> r.leg().equals(leg)).findFirst().orElseThrow();
      out.printf(Locale.ROOT, "  %-11s %9.1f orders/s  %s  %d SOAP calls (%s)%n", leg,
          median.get(leg), base == null ? "" : "%6.1fx".formatted(median.get(leg) / base),
          any.totalCalls(), any.calls());
    }
    int writes = (data.orders.size() + 199) / 200;
    out.printf(Locale.ROOT, "target for a page: one search per lookup (3) + one addList per"
        + " batch of 200 (%d) = %d calls; string-field lookups need one search per distinct value:"
        + " %d + %d + %d = %d searches%n", writes, 3 + writes, data.distinctCustomers,
        data.distinctItems, data.distinctReps,
        data.distinctCustomers + data.distinctItems + data.distinctReps);
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: NetSuiteBenchmark [--orders N] [--customers N]"
            + " [--items N] [--reps N] [--rounds N] [--warmup N] [--concurrency N]"
            + " [--legs per-record,select,string] [--nodelay true|false]; got " + args[i]);
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    return opts;
  }
}
