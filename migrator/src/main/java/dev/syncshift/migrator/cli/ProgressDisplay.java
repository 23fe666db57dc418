package dev.syncshift.migrator.cli;

import dev.syncshift.migrator.config.Timers;
import dev.syncshift.migrator.report.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Shows a run's progress while it goes: a progress bar on a terminal (identities done of those known, records per
 * second, ETA), otherwise a plain line every ten seconds and a last one when the run ends; nothing with
 * {@code --progress off}. The figures are the whole run's (the workers' partitions, earlier starts of the run), as
 * its report counts them; the rates and the ETA are this start's.
 */
final class ProgressDisplay implements AutoCloseable {

    private static final Duration LINE_EVERY = Duration.ofSeconds(10);

    private final Progress progress;
    private final PrintStream lines;
    private final ScheduledExecutorService ticks = Timers.daemon("syncshift-progress");
    private final long startNanos = System.nanoTime();
    private @Nullable ProgressBar bar;
    private boolean inLines;

    private ProgressDisplay(Progress progress, PrintStream lines) {
        this.progress = progress;
        this.lines = lines;
    }

    /** Starts showing {@code progress} as {@code mode} says ({@code auto}, {@code bar}, {@code lines}, {@code off}). */
    static ProgressDisplay start(Progress progress, String mode, PrintStream lines) {
        ProgressDisplay display = new ProgressDisplay(progress, lines);
        boolean terminal = System.console() != null;
        if ("bar".equals(mode) || "auto".equals(mode) && terminal) {
            display.ticks.scheduleAtFixedRate(display::updateBar, 0, 500, TimeUnit.MILLISECONDS);
        } else if (!"off".equals(mode)) {
            display.inLines = true;
            display.ticks.scheduleAtFixedRate(() -> lines.println(display.line()), LINE_EVERY.toMillis(),
                    LINE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return display;
    }

    private void updateBar() {
        if (!progress.started()) {
            return;
        }
        ProgressBar shown = bar;
        if (shown == null) { // made once the run's start is known, so that its own rate counts this start's work
            shown = new ProgressBarBuilder().setTaskName("identities").setInitialMax(-1).setUpdateIntervalMillis(500)
                    .startsFrom(progress.atStart().identities(), Duration.ZERO).build();
            bar = shown;
        }
        Progress.Figures now = progress.now();
        if (now.enumerated()) {
            shown.maxHint(now.listed());
        }
        shown.stepTo(now.identities());
        shown.setExtraMessage(String.format(Locale.ROOT, " %,.0f records/s", perSecond(Progress.Figures::records)));
    }

    /** One plain progress line. */
    String line() {
        Progress.Figures now = progress.now();
        String of = now.enumerated() ? String.format(Locale.ROOT, "%,d", now.listed())
                : String.format(Locale.ROOT, "%,d listed so far", now.listed());
        double identitiesPerSecond = perSecond(Progress.Figures::identities);
        String eta = now.enumerated() && identitiesPerSecond > 0 && now.identities() < now.listed()
                ? ", ETA " + duration((long) ((now.listed() - now.identities()) / identitiesPerSecond)) : "";
        return String.format(Locale.ROOT, "progress: %,d identities of %s, %,d records, %,.0f records/s%s",
                now.identities(), of, now.records(), perSecond(Progress.Figures::records), eta);
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

    /** What this start of the run did per second: the run's figure now less what it was when this start began. */
    private double perSecond(ToLongFunction<Progress.Figures> figure) {
        long done = figure.applyAsLong(progress.now()) - figure.applyAsLong(progress.atStart());
        return Math.max(done, 0) / Math.max(seconds(), 0.001);
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        try {
            ticks.awaitTermination(1, TimeUnit.SECONDS); // a line being printed ends before the last one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (inLines && progress.started()) {
            lines.println(line());
        }
        if (bar != null) {
            updateBar();
            bar.close();
        }
    }
}
