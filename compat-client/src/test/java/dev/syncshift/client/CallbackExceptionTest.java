package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An exception the app's callback throws while the synchronize asks it something ({@code onConflict},
 * {@code onDatasetDeleted}, {@code onDatasetsMerged}) ends the synchronize in {@code onFailure} with a message that
 * says so and the app's exception as the cause; the local edits stay. One thrown by {@code onSuccess}, the one
 * terminal callback already made, is logged and reaches no {@code onFailure}.
 */
@ExtendWith(EmulatorsExtension.class)
class CallbackExceptionTest {

    private static final IllegalStateException BUG = new IllegalStateException("app bug");

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"COGNITO", "APPSYNC"})
    void anExceptionThrownByOnConflictEndsInOnFailureSayingSo(Backend backend, Emulators emulators) {
        try (World world = new World(emulators, backend)) {
            Dataset[] devices = twoDevices(world, "conflict");
            devices[0].put("k", "theirs");
            sync(devices[0]);
            devices[1].put("k", "mine");
            Throwing callback = new Throwing("onConflict");

            devices[1].synchronize(callback);

            assertThat(callback.failure()).hasMessage("onConflict threw IllegalStateException: app bug")
                    .cause().isSameAs(BUG);
            assertThat(devices[1].get("k")).isEqualTo("mine");
            assertThat(devices[1].isChanged("k")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"COGNITO", "APPSYNC"})
    void anExceptionThrownByOnDatasetDeletedEndsInOnFailureSayingSo(Backend backend, Emulators emulators) {
        try (World world = new World(emulators, backend)) {
            Dataset[] devices = twoDevices(world, "deleted");
            devices[0].delete();
            sync(devices[0]);
            Throwing callback = new Throwing("onDatasetDeleted");

            devices[1].synchronize(callback);

            assertThat(callback.failure()).hasMessage("onDatasetDeleted threw IllegalStateException: app bug")
                    .cause().isSameAs(BUG);
            assertThat(devices[1].get("k")).isEqualTo("seed");
        }
    }

    /** A login that joins the device's identity to the one owning the login: the old datasets are merged ones. */
    @Test
    void anExceptionThrownByOnDatasetsMergedEndsInOnFailureSayingSo(Emulators emulators) {
        Map<String, String> login = Map.of("login.compat", "merged-by-a-throwing-callback");
        Emulators.identityClient(emulators.cognito().endpoint())
                .getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(emulators.poolId()).logins(login));
        try (CognitoSyncManager device = emulators.device(Backend.COGNITO).build()) {
            Dataset prefs = device.openOrCreateDataset("prefs");
            prefs.put("theme", "dark");
            sync(prefs);
            device.setLogins(login);
            Throwing callback = new Throwing("onDatasetsMerged");

            prefs.synchronize(callback);

            assertThat(callback.failure()).hasMessage("onDatasetsMerged threw IllegalStateException: app bug")
                    .cause().isSameAs(BUG);
        }
    }

    /**
     * {@code onSuccess} throws: the synchronize had succeeded, so no {@code onFailure} follows. The next synchronize
     * of the dataset, which runs once the first has ended, is the sentinel.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"COGNITO", "APPSYNC"})
    void anExceptionThrownByOnSuccessReachesNoOnFailure(Backend backend, Emulators emulators) throws Exception {
        try (World world = new World(emulators, backend)) {
            Dataset dataset = world.newDevice().openOrCreateDataset("succeeded");
            dataset.put("k", "v");
            Throwing callback = new Throwing("onSuccess");

            dataset.synchronize(callback);
            sync(dataset);

            assertThat(callback.ended.get(RecordingCallback.WAIT.toSeconds(), TimeUnit.SECONDS)).isNull();
            assertThat(callback.terminals).as("terminal callbacks").hasValue(1);
            assertThat(dataset.isChanged("k")).isFalse();
        }
    }

    /** A dataset holding {@code k = seed}, opened on two devices of one identity, both synchronized. */
    private static Dataset[] twoDevices(World world, String name) {
        CognitoSyncManager theirs = world.newDevice();
        Dataset first = theirs.openOrCreateDataset(name);
        first.put("k", "seed");
        sync(first);
        Dataset second = world.sameIdentity(theirs).openOrCreateDataset(name);
        sync(second);
        return new Dataset[] {first, second};
    }

    /** A callback whose call named {@code thrower} throws {@link #BUG}; it records how the synchronize ended. */
    private static final class Throwing extends DefaultSyncCallback {
        final CompletableFuture<@Nullable DataStorageException> ended = new CompletableFuture<>();
        final AtomicInteger terminals = new AtomicInteger();
        private final String thrower;

        Throwing(String thrower) {
            this.thrower = thrower;
        }

        @Override
        public boolean onConflict(Dataset dataset, List<SyncConflict> conflicts) {
            throwIf("onConflict");
            return super.onConflict(dataset, conflicts);
        }

        @Override
        public boolean onDatasetDeleted(Dataset dataset, String datasetName) {
            throwIf("onDatasetDeleted");
            return super.onDatasetDeleted(dataset, datasetName);
        }

        @Override
        public boolean onDatasetsMerged(Dataset dataset, List<String> datasetNames) {
            throwIf("onDatasetsMerged");
            return super.onDatasetsMerged(dataset, datasetNames);
        }

        @Override
        public void onSuccess(Dataset dataset, List<Record> updatedRecords) {
            terminals.incrementAndGet();
            ended.complete(null);
            throwIf("onSuccess");
        }

        @Override
        public void onFailure(DataStorageException exception) {
            terminals.incrementAndGet();
            ended.complete(exception);
        }

        private void throwIf(String call) {
            if (call.equals(thrower)) {
                throw BUG;
            }
        }

        /** The failure the synchronize ended in; fails the test when it succeeded or did not end. */
        DataStorageException failure() {
            DataStorageException failure = ended.orTimeout(RecordingCallback.WAIT.toSeconds(), TimeUnit.SECONDS)
                    .join();
            assertThat(failure).as("a failure").isNotNull();
            return failure;
        }
    }
}
