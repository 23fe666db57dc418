package dev.syncshift.migrator.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The free space of the disk that holds a run's local job repository (the work dir's H2 file). H2 that meets a full
 * disk closes its store, and the run's threads then spin in it for ever at full CPU, so a run never starts with less
 * than the minimum free, and one under way is stopped when the free space falls below it, as Ctrl-C stops it: the
 * same command continues it once there is room. Thread-safe.
 */
public final class DiskSpaceWatch implements AutoCloseable {

    /** How often a run's watch looks. */
    public static final Duration EVERY = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(DiskSpaceWatch.class);
    private static final long MB = 1L << 20;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "syncshift-disk-space");
        thread.setDaemon(true);
        return thread;
    });

    private DiskSpaceWatch() {
    }

    /** The free space of {@code folder}'s disk, as this process may use it. */
    public static LongSupplier usableSpace(Path folder) {
        return () -> {
            try {
                return Files.getFileStore(folder).getUsableSpace();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /**
     * What is wrong when {@code usable} bytes are free and {@code minFreeMb} megabytes are needed.
     *
     * @param folder the work dir, named in the message
     * @return the shortage in words, or empty when there is room (a minimum of 0 never finds one)
     */
    public static Optional<String> shortage(Path folder, long usable, long minFreeMb) {
        if (usable >= minFreeMb * MB) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the disk of the work dir %s has %,d MB free, less than the "
                + "%,d MB a run keeps free for its job repository (work-dir-min-free-mb)", folder, usable / MB,
                minFreeMb));
    }

    /**
     * Looks every {@code every} until closed, and tells {@code stop} the shortage once, the first time there is one.
     *
     * @param usable the free space, in bytes
     */
    public static DiskSpaceWatch start(Path folder, LongSupplier usable, long minFreeMb, Duration every,
            Consumer<String> stop) {
        DiskSpaceWatch watch = new DiskSpaceWatch();
        watch.timer.scheduleWithFixedDelay(() -> {
            long free;
            try {
                free = usable.getAsLong();
            } catch (UncheckedIOException e) {
                // a task that throws is never run again: this look is skipped, the next one tries again
                LOG.debug("The free space of {} cannot be read", folder, e);
                return;
            }
            Optional<String> shortage = shortage(folder, free, minFreeMb);
            if (shortage.isPresent()) {
                stop.accept(shortage.get());
                watch.timer.shutdown();
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
