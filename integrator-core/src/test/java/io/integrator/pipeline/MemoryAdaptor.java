package io.integrator.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Adaptor;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.ExportContext;
import io.integrator.spi.ImportContext;
import io.integrator.spi.ImportRecord;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import io.integrator.spi.PingResult;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory system for engine tests, serving {@code rest} connections. Exports read the list
 * registered under their {@code rest.relativeURI}; imports append to the list under theirs.
 *
 * <p>Source records: a delta export keeps records whose {@code updated} is inside the window; a
 * once export keeps records whose once flag is not true. Submitted records: {@code fail: "422"}
 * fails with that status; {@code exists: true} is ignored; {@code flaky: n} fails with 503 the
 * first n times; {@code throttle: n} answers 429 with a 1 ms Retry-After the first n times.
 * Serves {@code http} connections too (the import's last {@code relativeURI} entry names the sink).
 */
final class MemoryAdaptor implements Adaptor {
  final Map<String, List<ObjectNode>> sources = new ConcurrentHashMap<>();
  final Map<String, List<ObjectNode>> received = new ConcurrentHashMap<>();
  /** What each import's writer was handed, by import URI (what the engine knew per record). */
  final Map<String, List<ImportRecord>> handed = new ConcurrentHashMap<>();
  /**
   * Destination records answering record-based lookups: a lookup without input renders its
   * {@code relativeURI}'s {@code {field}} placeholders from the record and finds the id stored
   * here under that URI; the id "dupe" answers two matches, "boom" makes the source fail.
   */
  final Map<String, String> destination = new ConcurrentHashMap<>();
  final List<ExportContext> contexts = new CopyOnWriteArrayList<>();
  final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  final AtomicInteger pagesRead = new AtomicInteger();
  final AtomicInteger batchesDone = new AtomicInteger();
  final AtomicInteger maxAhead = new AtomicInteger();
  final AtomicInteger concurrent = new AtomicInteger();
  final AtomicInteger maxConcurrent = new AtomicInteger();
  final AtomicInteger lookupCalls = new AtomicInteger();
  final AtomicInteger lookupQuestions = new AtomicInteger();
  final AtomicInteger batchFailures = new AtomicInteger();
  volatile int failReadAtPage = -1;
  volatile long submitMillis;
  volatile java.util.concurrent.CountDownLatch readGate;
  volatile java.util.concurrent.CountDownLatch writeGate;
  /** What every writer's finish() reports, as a file import would. */
  volatile List<io.integrator.spi.AggregateResult> aggregates = List.of();
  final AtomicInteger finishes = new AtomicInteger();

  @Override
  public Set<String> connectionTypes() {
    return Set.of("rest", "http");
  }

  @Override
  public PingResult ping(ObjectNode connection) {
    return PingResult.success();
  }

  static String uri(ObjectNode doc) {
    JsonNode u = doc.path(doc.has("http") ? "http" : "rest").path("relativeURI");
    return u.isArray() ? u.get(u.size() - 1).asText() : u.asText();
  }

  @Override
  public PageReader openReader(ExportContext ctx) {
    contexts.add(ctx);
    List<ObjectNode> all = sources.getOrDefault(uri(ctx.export()), List.of());
    String once = ctx.export().path("once").path("booleanField").asText(null);
    List<ObjectNode> selected = new ArrayList<>();
    for (ObjectNode r : all) {
      if (ctx.currentExportDateTime().isPresent() && r.has("updated")) {
        Instant u = Instant.parse(r.get("updated").asText());
        if (u.isAfter(ctx.currentExportDateTime().get())
            || (ctx.lastExportDateTime().isPresent()
                && !u.isAfter(ctx.lastExportDateTime().get()))) {
          continue;
        }
      }
      if (once != null && r.path(once).asBoolean(false)) {
        continue;
      }
      selected.add(r.deepCopy());
    }
    int size = ctx.pageSize();
    return new PageReader() {
      int at;
      int page;

      @Override
      public Optional<Page> next() throws AdaptorException {
        if (readGate != null) {
          try {
            readGate.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        if (page == failReadAtPage) {
          throw new AdaptorException("503", "source unavailable", Classification.INTERMITTENT);
        }
        if (at >= selected.size() || ctx.isCanceled()) {
          return Optional.empty();
        }
        List<ObjectNode> slice = selected.subList(at, Math.min(selected.size(), at + size));
        at += slice.size();
        page++;
        int ahead = pagesRead.incrementAndGet() - batchesDone.get();
        maxAhead.accumulateAndGet(ahead, Math::max);
        List<ObjectNode> out = new ArrayList<>();
        List<ErrorItem> errors = new ArrayList<>();
        for (ObjectNode r : slice) {
          if (r.path("broken").asBoolean()) {
            errors.add(ErrorItem.of("parse_error", "row " + r.path("id").asText() + " is broken"));
          } else {
            out.add(r);
          }
        }
        return Optional.of(new Page(out, errors));
      }

      @Override
      public void close() {}
    };
  }

  /** Dynamic lookups answer a value with its upper-case form; "unknown" has no match. */
  @Override
  public Optional<io.integrator.spi.LookupSource> lookupSource(ObjectNode connection) {
    return Optional.of((definition, queries) -> {
      lookupCalls.incrementAndGet();
      lookupQuestions.addAndGet(queries.size());
      List<List<JsonNode>> out = new ArrayList<>();
      for (var q : queries) {
        if (q.value().isNull() && definition.has("relativeURI")) {
          String uri = render(definition.get("relativeURI").asText(), q.record());
          String id = destination.get(uri);
          if ("boom".equals(id)) {
            throw new io.integrator.spi.LookupException("503", "lookup service down",
                io.integrator.spi.LookupException.INTERMITTENT, null);
          }
          out.add(id == null ? List.of() : "dupe".equals(id)
              ? List.of(com.fasterxml.jackson.databind.node.TextNode.valueOf("x1"),
                  com.fasterxml.jackson.databind.node.TextNode.valueOf("x2"))
              : List.of(com.fasterxml.jackson.databind.node.TextNode.valueOf(id)));
          continue;
        }
        String v = q.value().asText();
        out.add(v.equals("unknown") ? List.of()
            : List.of(com.fasterxml.jackson.databind.node.TextNode.valueOf(v.toUpperCase())));
      }
      return out;
    });
  }

  static String render(String template, ObjectNode record) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^{}]+)}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
          record.path(m.group(1)).asText()));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Override
  public void markExported(ExportContext ctx, List<ObjectNode> records) {
    String field = ctx.export().path("once").path("booleanField").asText();
    JsonNode delta = ctx.export().path("valueDelta");
    for (ObjectNode src : sources.get(uri(ctx.export()))) {
      for (ObjectNode r : records) {
        if (src.path("id").equals(r.path("id"))) {
          if (delta.isObject()) { // valueDelta: the pending value becomes the exported one
            src.set(delta.path("exportedField").asText(),
                r.get(delta.path("pendingField").asText()));
          } else {
            src.put(field, true);
          }
        }
      }
    }
  }

  @Override
  public RecordWriter openWriter(ImportContext ctx) {
    List<ObjectNode> sink =
        received.computeIfAbsent(uri(ctx.importDocument()), k -> new CopyOnWriteArrayList<>());
    RecordWriter submitter = submitter(ctx, sink);
    return new RecordWriter() {
      @Override
      public List<SubmitResult> submit(List<ObjectNode> records) throws AdaptorException {
        return submitter.submit(records);
      }

      @Override
      public List<SubmitResult> submitRecords(List<ImportRecord> records)
          throws AdaptorException {
        handed.computeIfAbsent(uri(ctx.importDocument()), k -> new CopyOnWriteArrayList<>())
            .addAll(records);
        return RecordWriter.super.submitRecords(records);
      }

      @Override
      public List<io.integrator.spi.AggregateResult> finish() {
        finishes.incrementAndGet();
        return aggregates;
      }
    };
  }

  private RecordWriter submitter(ImportContext ctx, List<ObjectNode> sink) {
    return records -> {
      int now = concurrent.incrementAndGet();
      maxConcurrent.accumulateAndGet(now, Math::max);
      try {
        if (submitMillis > 0) {
          Thread.sleep(submitMillis);
        }
        if (writeGate != null) {
          writeGate.await();
        }
        if (batchFailures.getAndDecrement() > 0) {
          throw new AdaptorException("503", "gateway down", Classification.INTERMITTENT,
              Duration.ofMillis(2), null);
        }
        List<SubmitResult> out = new ArrayList<>();
        for (ObjectNode r : records) {
          out.add(r.path("failOn").asText().equals(uri(ctx.importDocument()))
              ? SubmitResult.failure(400, "400", "refused here")
              : submit(sink, r));
        }
        return out;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AdaptorException("interrupted", "interrupted", Classification.INTERMITTENT);
      } finally {
        concurrent.decrementAndGet();
        batchesDone.incrementAndGet();
      }
    };
  }

  private SubmitResult submit(List<ObjectNode> sink, ObjectNode r) {
    String key = r.path("id").asText();
    int n = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (r.has("fail")) {
      int status = r.get("fail").asInt();
      return SubmitResult.failure(status, String.valueOf(status), "destination refused " + key);
    }
    if (r.path("flaky").asInt(0) >= n) {
      return SubmitResult.failure(503, "503", "try later");
    }
    if (r.has("throttleFor")) {
      return SubmitResult.failure(429, "429", "come back later")
          .classified(Classification.RATE_LIMIT, Duration.ofMillis(r.get("throttleFor").asLong()));
    }
    if (r.path("throttle").asInt(0) >= n) {
      return SubmitResult.failure(429, "429", "slow down")
          .classified(Classification.RATE_LIMIT, Duration.ofMillis(1));
    }
    if (r.path("exists").asBoolean(false)) {
      return SubmitResult.ignore(key);
    }
    sink.add(r);
    JsonNode body = r.deepCopy().put("destId", "d-" + key);
    return SubmitResult.success("d-" + key, body);
  }
}
