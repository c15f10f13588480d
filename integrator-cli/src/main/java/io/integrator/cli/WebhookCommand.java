package io.integrator.cli;

import io.integrator.model.Export;
import io.integrator.model.Flow;
import io.integrator.netsuite.DistributedListener;
import io.integrator.netsuite.DistributedServer;
import io.integrator.rest.webhook.WebhookListener;
import io.integrator.rest.webhook.WebhookServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code integrator webhook <dir> [--host 127.0.0.1] [--port 8080] [--distributed-port 8081]}:
 * listens for the project's webhook exports and for the records NetSuite pushes to its realtime
 * distributed exports ({@code type: distributed}), and runs their flows as requests arrive,
 * printing each job's summary.
 */
@Command(
    name = "webhook",
    description = {
      "Listens for the webhook exports of a project directory (POST or PUT to /webhooks/<export id>,"
          + " plus /<token> for secret_url) and runs the flows that use them as requests arrive;"
          + " each run's job summary is printed. Realtime distributed exports (type distributed)"
          + " receive the records NetSuite's user-event script pushes (POST /distributed/<export id>,"
          + " Authorization: Bearer <distributed.bearerToken>) on --distributed-port."
          + " Payloads left queued by an earlier run are processed first. Stop it with Ctrl-C.",
      "Exit code: 0 after a clean stop, 1 when the project is invalid or has no webhook or realtime"
          + " distributed export."
    },
    mixinStandardHelpOptions = true)
final class WebhookCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<dir>", description = "Project directory.")
  Path dir;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<address>",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "<port>",
      description = "Port to listen on (default ${DEFAULT-VALUE}; 0 for any free port).")
  int port;

  @Option(names = "--distributed-port", defaultValue = "8081", paramLabel = "<port>",
      description = "Port for the records NetSuite pushes to realtime distributed exports"
          + " (default ${DEFAULT-VALUE}; 0 for any free port). Only opened when the project has one.")
  int distributedPort;

  @Option(names = "--max-body-bytes", defaultValue = "10485760", paramLabel = "<bytes>",
      description = "Largest request body accepted; larger ones get 413 (default ${DEFAULT-VALUE}, 10 MiB).")
  long maxBodyBytes;

  @Option(names = "--json", description = "Print each finished job as a JSON document (one per line).")
  boolean json;

  @Option(names = "--stop-after", defaultValue = "0", paramLabel = "<runs>",
      description = "Stop after this many flow runs have finished (for scripts); default: run until stopped.")
  int stopAfter;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw CliException.usage("--port must be between 0 and 65535, got " + port);
    }
    if (distributedPort < 0 || distributedPort > 65535) {
      throw CliException.usage("--distributed-port must be between 0 and 65535, got " + distributedPort);
    }
    if (maxBodyBytes < 1) {
      throw CliException.usage("--max-body-bytes must be at least 1, got " + maxBodyBytes);
    }
    try (ProjectSession session = ProjectSession.open(dir, err)) {
      List<Export> hooks = session.integrator.exports().list().stream()
          .filter(e -> "webhook".equals(e.type())).toList();
      List<Export> pushed = session.integrator.exports().list().stream()
          .filter(e -> "distributed".equals(e.type())).toList();
      if (hooks.isEmpty() && pushed.isEmpty()) {
        throw new CliException(Main.FAILED, dir + " has no webhook export; add one under exports/"
            + " with \"type\": \"webhook\" and a \"webhook\" section (see docs/webhooks.md), or a"
            + " realtime distributed export (\"type\": \"distributed\", see docs/netsuite.md)");
      }
      CountDownLatch stop = new CountDownLatch(1);
      CountDownLatch stopped = new CountDownLatch(1);
      AtomicInteger finished = new AtomicInteger();
      session.integrator.webhooks().onJob(job -> {
        synchronized (out) {
          JobPrinter.summary(job, json, out);
          if (!json && !"completed".equals(job.status())) {
            out.printf("  its payloads stay queued and go with the next request or the next start;"
                + " see why with: integrator errors %s %s%n", dir, job.id());
            out.flush();
          }
        }
        if (stopAfter > 0 && finished.incrementAndGet() >= stopAfter) {
          stop.countDown();
        }
      });
      WebhookServer server = null;
      DistributedServer distributed = null;
      try {
        if (!hooks.isEmpty()) {
          server = WebhookServer.start(WebhookListener.builder(session.integrator.webhooks())
              .maxBodyBytes(maxBodyBytes).build(), host, port);
        }
        if (!pushed.isEmpty()) {
          distributed = DistributedServer.start(DistributedListener.builder(
              session.integrator.webhooks()).maxBodyBytes(maxBodyBytes).build(), host,
              distributedPort);
        }
      } catch (UncheckedIOException e) {
        if (server != null) {
          server.close();
        }
        throw new CliException(Main.FAILED, e.getMessage());
      }
      Thread hook = new Thread(() -> {
        stop.countDown();
        try {
          stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "integrator-webhook-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        synchronized (out) {
          printUrls(session, hooks, server, pushed, distributed, out);
        }
        int resumed = session.integrator.webhooks().resume();
        if (resumed > 0) {
          synchronized (out) {
            out.printf("Processing payloads queued earlier: %d flow run(s) started%n", resumed);
            out.flush();
          }
        }
        stop.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        if (server != null) {
          server.close();
        }
        if (distributed != null) {
          distributed.close();
        }
        stopped.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is exiting; the hook is running and waits for us
        }
      }
      return Main.OK;
    }
  }

  private static void printUrls(ProjectSession session, List<Export> hooks, WebhookServer server,
      List<Export> pushed, DistributedServer distributed, PrintWriter out) {
    List<Flow> flows = session.integrator.flows().list();
    if (server != null) {
      out.printf("Listening for webhooks on http://%s (Ctrl-C to stop)%n",
          server.url("").replaceFirst("^http://", "").replaceFirst("/webhooks/$", ""));
      for (Export e : hooks) {
        String verify = e.section("webhook").path("verify").asText("");
        String url = server.url(e.id()) + ("secret_url".equals(verify) ? "/<webhook.token>" : "");
        out.printf("  %s (verify %s): POST %s -> %s%n", e.id(), verify, url, users(flows, e));
      }
    }
    if (distributed != null) {
      out.printf("Listening for NetSuite's realtime distributed exports on http://%s (Ctrl-C to"
          + " stop)%n", distributed.url("").replaceFirst("^http://", "")
          .replaceFirst("/distributed/$", ""));
      for (Export e : pushed) {
        out.printf("  %s (bearer token): POST %s -> %s%n", e.id(), distributed.url(e.id()),
            users(flows, e));
      }
    }
    out.flush();
  }

  private static String users(List<Flow> flows, Export e) {
    List<String> users = flows.stream()
        .filter(f -> !f.isDisabled() && f.pageGenerators().stream()
            .anyMatch(g -> e.id().equals(g.path("_exportId").asText())))
        .map(Flow::id).toList();
    return users.isEmpty() ? "no enabled flow (requests get 503)"
        : "flow " + String.join(", flow ", users);
  }
}
