package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app started twice on its first run: two managers on one new cache file, each asking Cognito Identity for the
 * device's identity (GetId) before either has remembered one, and each given a new one. The device keeps one
 * identity: the second to get its answer takes the one the first remembered in the cache, so that every local
 * dataset stays the device's. Before, the second remembered its own for the pool, and the datasets the first had
 * synchronized stayed under the other identity, out of the app's sight from its next start.
 */
@ExtendWith(EmulatorsExtension.class)
class FirstRunTwiceTest {

    @TempDir
    Path dir;

    @Test
    void twoManagersThatAskForAnIdentityAtOnceOnANewCacheFileKeepOne(Emulators emulators) {
        Path file = dir.resolve("cognito_dataset_cache.db");
        CountDownLatch bothAsking = new CountDownLatch(2);
        LoginsProvider together = () -> {
            bothAsking.countDown(); // no GetId goes out before both managers are about to ask
            awaitQuietly(bothAsking);
            return Map.of();
        };
        try (CognitoSyncManager first = emulators.device(Backend.COGNITO).cacheFile(file).loginsProvider(together)
                .build();
                CognitoSyncManager second = emulators.device(Backend.COGNITO).cacheFile(file)
                        .loginsProvider(together).build()) {
            first.openOrCreateDataset("first").put("a", "1");
            second.openOrCreateDataset("second").put("b", "2");
            RecordingCallback one = new RecordingCallback();
            RecordingCallback two = new RecordingCallback();

            first.openOrCreateDataset("first").synchronize(one);
            second.openOrCreateDataset("second").synchronize(two);

            one.succeeded();
            two.succeeded();
            assertThat(second.getIdentityId()).isEqualTo(first.getIdentityId());
        }
        try (CognitoSyncManager restarted = emulators.device(Backend.COGNITO).cacheFile(file).build()) {
            assertThat(restarted.listDatasets()).extracting(DatasetMetadata::getDatasetName)
                    .containsExactlyInAnyOrder("first", "second");
            try (CognitoSyncManager other = emulators.device(Backend.COGNITO)
                    .identityId(restarted.getIdentityId()).build()) {
                Dataset seen = other.openOrCreateDataset("second");
                sync(seen);
                assertThat(seen.getAll()).isEqualTo(Map.of("b", "2"));
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(RecordingCallback.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
