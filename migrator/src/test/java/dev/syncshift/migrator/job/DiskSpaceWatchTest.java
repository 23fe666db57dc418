package dev.syncshift.migrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A run's watch on the free space of its job repository's disk. */
class DiskSpaceWatchTest {

    private static final long MB = 1L << 20;
    private static final Path WORK = Path.of("/data/syncshift-work");

    @Test
    void aShortageIsToldOnceTheFreeSpaceFallsBelowTheMinimumEvenAfterALookThatFailed() throws Exception {
        AtomicLong free = new AtomicLong(200 * MB);
        AtomicLong looks = new AtomicLong();
        CompletableFuture<String> stopped = new CompletableFuture<>();
        try (DiskSpaceWatch watch = DiskSpaceWatch.start(WORK, () -> {
            long look = looks.incrementAndGet();
            if (look == 2) {
                throw new UncheckedIOException(new IOException("the disk could not be asked"));
            }
            if (look == 3) {
                free.set(63 * MB);
            }
            return free.get();
        }, 64, Duration.ofMillis(5), stopped::complete)) {

            assertThat(stopped.get(30, TimeUnit.SECONDS)).isEqualTo("the disk of the work dir /data/syncshift-work "
                    + "has 63 MB free, less than the 64 MB a run keeps free for its job repository "
                    + "(work-dir-min-free-mb)");
            assertThat(looks.get()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theMinimumItselfIsRoomEnoughAndZeroNeverFindsAShortage() {
        assertThat(DiskSpaceWatch.shortage(WORK, 64 * MB, 64)).isEmpty();
        assertThat(DiskSpaceWatch.shortage(WORK, 64 * MB - 1, 64)).isPresent();
        assertThat(DiskSpaceWatch.shortage(WORK, 0, 0)).isEmpty();
    }
}
