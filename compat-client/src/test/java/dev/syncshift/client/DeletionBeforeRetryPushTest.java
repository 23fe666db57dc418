package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After a stale push the next pass pulls, then pushes. Another device's deletion of the dataset landing between that
 * pull and that push (a hook on the pull's answer runs it) must be asked about through {@code onDatasetDeleted}
 * before anything is pushed: the device's new keys must not re-create the dataset behind the app's back.
 */
@ExtendWith(EmulatorsExtension.class)
class DeletionBeforeRetryPushTest {

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"APPSYNC", "CUTOVER"})
    void aDeletionBetweenTheRetrysPullAndItsPushIsAskedAboutAndNothingIsRecreated(Backend backend,
            Emulators emulators) {
        AtomicReference<Runnable> afterPull = new AtomicReference<>(() -> { });
        try (CognitoSyncManager a = emulators.device(backend).remoteStore((wiring, credentials) -> new HookedRemote(
                        wiring.backendRemote(credentials), () -> { }, () -> afterPull.getAndSet(() -> { }).run()))
                        .build();
                CognitoSyncManager b = emulators.device(backend).identityId(a.getIdentityId()).build()) {
            Dataset mine = a.openOrCreateDataset("raced");
            mine.put("k", "v");
            sync(mine);
            Dataset theirs = b.openOrCreateDataset("raced");
            sync(theirs);
            theirs.put("both", "theirs");
            sync(theirs);
            mine.put("both", "mine"); // a key the other device wrote too: the first push is stale
            mine.put("new", "mine");
            afterPull.set(() -> {
                theirs.delete();
                sync(theirs);
            });
            RecordingCallback callback = new RecordingCallback().resolvingWith(SyncConflict::resolveWithRemoteRecord);

            mine.synchronize(callback);

            assertThat(callback.succeeded()).isEmpty();
            assertThat(callback.conflicts()).extracting(c -> c.getRemoteRecord().getKey()).containsExactly("both");
            assertThat(callback.deletedDataset()).as("onDatasetDeleted asked").isEqualTo("raced");
            assertThat(mine.getAll()).isEmpty();
            assertThat(sync(theirs)).as("what the service holds").isEmpty();
            assertThat(theirs.getAll()).isEmpty();
        }
    }
}
