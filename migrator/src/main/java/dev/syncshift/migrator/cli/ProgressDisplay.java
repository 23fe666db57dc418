package dev.syncshift.migrator.cli;

import dev.syncshift.migrator.report.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Shows a run's progress while it goes: a progress bar on a terminal (identities done of those known, records per
 * second, ETA), a plain line every ten seconds otherwise, nothing with {@code --progress off}.
 */
final class ProgressDisplay implements AutoCloseable {

    private static final Duration LINE_EVERY = Duration.ofSeconds(10);

    private final Progress progress;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "syncshift-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final long startNanos = System.nanoTime();
    private @Nullable ProgressBar bar;

    private ProgressDisplay(Progress progress) {
        this.progress = progress;
    }

    /** Starts showing {@code progress} as {@code mode} says ({@code auto}, {@code bar}, {@code lines}, {@code off}). */
    static ProgressDisplay start(Progress progress, String mode, PrintStream lines) {
        ProgressDisplay display = new ProgressDisplay(progress);
        boolean terminal = System.console() != null;
        if ("bar".equals(mode) || "auto".equals(mode) && terminal) {
            display.bar = new ProgressBarBuilder().setTaskName("identities").setInitialMax(-1)
                    .setUpdateIntervalMillis(500).build();
            display.ticks.scheduleAtFixedRate(display::updateBar, 0, 500, TimeUnit.MILLISECONDS);
        } else if (!"off".equals(mode)) {
            display.ticks.scheduleAtFixedRate(() -> lines.println(display.line()), LINE_EVERY.toMillis(),
                    LINE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return display;
    }

    private void updateBar() {
        ProgressBar shown = bar;
        if (shown == null) {
            return;
        }
        if (progress.totalKnown()) {
            shown.maxHint(progress.estimatedTotal());
        }
        shown.stepTo(progress.identities());
        shown.setExtraMessage(String.format(Locale.ROOT, " %,.0f records/s", recordsPerSecond()));
    }

    /** One plain progress line. */
    String line() {
        long done = progress.identities();
        long total = progress.estimatedTotal();
        String of = progress.totalKnown() ? String.format(Locale.ROOT, "%,d", total)
                : String.format(Locale.ROOT, "%,d listed so far", total);
        double perSecond = done / Math.max(seconds(), 0.001);
        String eta = progress.totalKnown() && perSecond > 0
                ? ", ETA " + duration((long) ((total - done) / perSecond)) : "";
        return String.format(Locale.ROOT, "progress: %,d identities of %s, %,d records, %,.0f records/s%s", done, of,
                progress.records(), recordsPerSecond(), eta);
    }

    /** {@code seconds} as a person reads it: {@code 35s}, {@code 4m 10s}, {@code 9h 05m}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    private double recordsPerSecond() {
        return progress.records() / Math.max(seconds(), 0.001);
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        if (bar != null) {
            updateBar();
            bar.close();
        }
    }
}
