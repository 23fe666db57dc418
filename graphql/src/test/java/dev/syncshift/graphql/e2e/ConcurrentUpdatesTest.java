package dev.syncshift.graphql.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several devices of one identity increment a shared counter in one dataset at the same time, each pulling deltas,
 * pushing with its last seen counts and retrying on conflicts: no update is lost, every successful push gets its own
 * count with none skipped, and a device that only pulls deltas meanwhile (small pages, nextToken) ends up with exactly
 * the server's state.
 */
class ConcurrentUpdatesTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    private static final int MAX_ATTEMPTS = 500;

    /** One row: how many devices push how many increments each. */
    record Contention(String name, int devices, int increments) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Contention> contentions() {
        return Stream.of(new Contention("2 devices, 8 increments each", 2, 8),
                new Contention("4 devices, 5 increments each", 4, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contentions")
    void noLostUpdateAndNoSkippedCount(Contention contention, AppSyncEmulator emulator) throws Exception {
        SyncOperations api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
        Caller me = SyncshiftApi.freshUser();
        Set<Long> counts = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(contention.devices() + 1);
        List<Future<Integer>> conflicts = new ArrayList<>();

        for (int d = 0; d < contention.devices(); d++) {
            Device device = new Device(api, me, "shared");
            String own = "device-" + d;
            conflicts.add(pool.submit(() -> increment(device, own, contention.increments(), counts)));
        }
        Device follower = new Device(api, me, "shared", 3);
        AtomicBoolean writing = new AtomicBoolean(true);
        Future<Integer> following = pool.submit(() -> follow(follower, writing));
        int totalConflicts = 0;
        for (Future<Integer> f : conflicts) {
            totalConflicts += f.get();
        }
        writing.set(false);
        assertThat(following.get()).as("delta pulls made while the devices pushed").isPositive();
        pool.shutdown();

        long total = (long) contention.devices() * contention.increments();
        assertThat(counts).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, total).boxed().collect(Collectors.toSet()));
        Device reader = new Device(api, me, "shared");
        reader.pull();
        assertThat(reader.lastSyncCount()).isEqualTo(total);
        assertThat(reader.value("counter")).isEqualTo(String.valueOf(total));
        for (int d = 0; d < contention.devices(); d++) {
            assertThat(reader.value("device-" + d)).isEqualTo(String.valueOf(contention.increments()));
        }
        assertThat(totalConflicts).as("the devices raced").isPositive();
        follower.pull();
        assertThat(follower.records()).as("a device that only pulled deltas, in small pages, while others pushed")
                .isEqualTo(reader.records());
    }

    /** Delta pulls while the others push; returns how many it made. */
    private static int follow(Device follower, AtomicBoolean writing) {
        int pulls = 0;
        while (writing.get()) {
            follower.pull();
            pulls++;
        }
        return pulls;
    }

    /** Increments {@code counter} and the device's own key {@code increments} times; returns the conflicts met. */
    private static int increment(Device device, String own, int increments, Set<Long> counts) {
        int done = 0;
        int conflicts = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && done < increments; attempt++) {
            device.pull();
            long counter = device.value("counter") == null ? 0 : Long.parseLong(device.value("counter"));
            long count = device.push(device.put("counter", String.valueOf(counter + 1)),
                    device.put(own, String.valueOf(done + 1)));
            if (count < 0) {
                conflicts++;
            } else {
                assertThat(counts.add(count)).as("count %s handed out twice", count).isTrue();
                done++;
            }
        }
        assertThat(done).as("increments within %s attempts", MAX_ATTEMPTS).isEqualTo(increments);
        return conflicts;
    }
}
