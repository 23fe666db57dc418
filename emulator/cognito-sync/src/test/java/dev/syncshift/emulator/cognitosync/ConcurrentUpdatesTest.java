package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;

/** Devices incrementing one counter at once, each pulling then pushing and retrying on conflict. */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class ConcurrentUpdatesTest {

    private static final int DEVICES = 6;
    private static final int INCREMENTS = 15;

    @Test
    void noUpdateIsLostAndNoCountIsSkipped(CognitoSyncClient sync, CognitoIdentityClient identity)
            throws Exception {
        String pool = Pools.newPool(identity);
        SyncDataset dataset = new SyncDataset(sync, pool, Pools.newIdentity(identity, pool), "counter");
        dataset.push(replace("n", "0", 0));
        Set<Long> acknowledgedCounts = ConcurrentHashMap.newKeySet();

        ExecutorService devices = Executors.newFixedThreadPool(DEVICES);
        try {
            List<Future<?>> runs = IntStream.range(0, DEVICES)
                    .<Future<?>>mapToObj(d -> devices.submit(() -> increment(dataset, acknowledgedCounts)))
                    .toList();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            devices.shutdown();
        }

        Record counter = dataset.list(0).records().get(0);
        long pushes = (long) DEVICES * INCREMENTS;
        assertThat(counter.value()).isEqualTo(Long.toString(pushes));
        assertThat(dataset.list(0).datasetSyncCount()).isEqualTo(pushes + 1);
        assertThat(acknowledgedCounts).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(2, pushes + 1).boxed().toList());
    }

    private static void increment(SyncDataset dataset, Set<Long> acknowledgedCounts) {
        for (int i = 0; i < INCREMENTS; i++) {
            while (true) {
                var pulled = dataset.list(0);
                Record counter = pulled.records().get(0);
                long next = Long.parseLong(counter.value()) + 1;
                try {
                    List<Record> written = dataset.pushWithToken(pulled.syncSessionToken(),
                            replace("n", Long.toString(next), counter.syncCount()));
                    acknowledgedCounts.add(written.get(0).syncCount());
                    break;
                } catch (ResourceConflictException conflict) {
                    Thread.onSpinWait();
                }
            }
        }
    }
}
