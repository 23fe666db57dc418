package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What is written to standard error while it is captured: where the tests' logger (slf4j-simple, which looks
 * System.err up at every line) writes, so the log as an app's user reads it, every thread's lines included. Closing
 * puts the original standard error back.
 */
final class StandardError implements AutoCloseable {

    private final PrintStream original = System.err;
    private final Written written = new Written();

    private StandardError() {
        System.setErr(new PrintStream(written, true, StandardCharsets.UTF_8));
    }

    /** Captures standard error from now until {@link #close}. */
    static StandardError capture() {
        return new StandardError();
    }

    /** What {@code action} writes to standard error. */
    static String of(Runnable action) {
        try (StandardError captured = capture()) {
            action.run();
            return captured.text();
        }
    }

    String text() {
        return written.toString(StandardCharsets.UTF_8);
    }

    /** The lines logged so far at {@code level} ({@code WARN}, {@code INFO}) by the logger named {@code logger}. */
    List<String> lines(String level, String logger) {
        String mark = " " + level + " " + logger + " - ";
        return text().lines().filter(line -> line.contains(mark)).toList();
    }

    /** Waits until a line is logged at {@code level} by {@code logger}; fails the test after 30 seconds. */
    void awaitLine(String level, String logger) {
        await(() -> !lines(level, logger).isEmpty(), "a " + level + " line of " + logger);
    }

    /**
     * Waits until {@code count} lines logged by {@code logger}, at any level, contain {@code text}; fails the test
     * after 30 seconds.
     */
    void awaitLines(String logger, String text, int count) {
        String mark = " " + logger + " - ";
        await(() -> text().lines().filter(line -> line.contains(mark) && line.contains(text)).count() >= count,
                count + " lines of " + logger + " with '" + text + "'");
    }

    private void await(BooleanSupplier logged, String what) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (written) {
            while (!logged.getAsBoolean()) {
                long left = end - System.nanoTime();
                assertThat(left).as("%s in:%n%s", what, text()).isPositive();
                try {
                    TimeUnit.NANOSECONDS.timedWait(written, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    public void close() {
        System.setErr(original);
    }

    /** The captured bytes, telling whoever waits on them of each write. */
    private static final class Written extends ByteArrayOutputStream {
        @Override
        public synchronized void write(int b) {
            super.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            super.write(bytes, offset, length);
            notifyAll();
        }
    }
}
