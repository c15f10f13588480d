package io.integrator.cli;

import io.integrator.model.Job;
import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of a running job on standard error: pages processed out of pages generated so
 * far (the export's total is not known in advance), then records, successes, errors and ignores.
 * The bar redraws in place with a carriage return and ends with a newline when closed.
 */
final class ProgressDisplay implements AutoCloseable {
  private static final int WIDTH = 110;

  private final ProgressBar bar;
  private final PrintWriter err;

  private ProgressDisplay(ProgressBar bar, PrintWriter err) {
    this.bar = bar;
    this.err = err;
  }

  static ProgressDisplay start(String taskName, PrintWriter err) {
    DelegatingProgressBarConsumer consumer =
        new DelegatingProgressBarConsumer(
            line -> {
              err.print('\r');
              err.print(line);
              err.flush();
            },
            WIDTH) {
          // The library closes its consumer from its own render thread and swallows failures
          // there, so the closing newline is written by ProgressDisplay.close() instead.
          @Override
          public void close() {
            err.flush();
          }
        };
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(taskName)
            .setInitialMax(0)
            .setUnit(" pages", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .setConsumer(consumer)
            .hideEta()
            .build();
    return new ProgressDisplay(bar, err);
  }

  /** Shows the job's counters. */
  void update(Job job) {
    bar.maxHint(Math.max(job.numPagesGenerated(), job.numPagesProcessed()));
    bar.stepTo(job.numPagesProcessed());
    bar.setExtraMessage(
        String.format(
            "records %d, ok %d, errors %d, ignored %d",
            job.numExport(), job.numSuccess(), job.numError(), job.numIgnore()));
  }

  @Override
  public void close() {
    bar.close();
    err.println();
    err.flush();
  }
}
