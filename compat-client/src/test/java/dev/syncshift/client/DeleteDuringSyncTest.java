package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code delete()} called while a synchronize of the dataset runs (its push stored by the service, the answer on its
 * way): the deletion is acknowledged, so the synchronize that ends after it must not forget it, and the next one
 * deletes the service's copy. The SQLite cache once lost it: the count the synchronize left overwrote the deletion's
 * mark.
 */
@ExtendWith(EmulatorsExtension.class)
class DeleteDuringSyncTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1} cache")
    @CsvSource({"COGNITO, sqlite", "APPSYNC, sqlite", "CUTOVER, sqlite", "COGNITO, memory", "APPSYNC, memory"})
    void aDeletionMadeWhileAPushIsAnsweredReachesTheServiceAtTheNextSynchronize(Backend backend, String cache,
            Emulators emulators) {
        AtomicBoolean armed = new AtomicBoolean();
        AtomicReference<Dataset> notes = new AtomicReference<>();
        CognitoSyncManagerBuilder builder = emulators.device(backend).remoteStore((wiring, credentials) ->
                new HookedRemote(wiring.backendRemote(credentials), () -> {
                    if (armed.getAndSet(false)) {
                        notes.get().delete();
                    }
                }));
        if (cache.equals("sqlite")) {
            builder.cacheFile(dir.resolve(backend + ".db"));
        }
        String identity;
        try (CognitoSyncManager device = builder.build()) {
            notes.set(device.openOrCreateDataset("notes"));
            notes.get().put("k", "v");
            armed.set(true);
            sync(notes.get());
            assertThat(armed).as("the push was answered after the deletion").isFalse();
            assertThat(notes.get().getAll()).isEmpty();

            sync(notes.get());
            identity = device.getIdentityId();
        }
        try (CognitoSyncManager other = emulators.device(backend).identityId(identity).build()) {
            Dataset copy = other.openOrCreateDataset("notes");
            sync(copy);
            assertThat(copy.getAll()).as("what another device of the identity finds").isEmpty();
        }
    }

    /**
     * The same while a pull is answered: the records it brings (another device's) are not brought back into the
     * dataset the app deleted meanwhile, and the next synchronize deletes the service's copy.
     */
    @ParameterizedTest(name = "{0}, {1} cache")
    @CsvSource({"COGNITO, sqlite", "APPSYNC, sqlite", "COGNITO, memory", "APPSYNC, memory"})
    void aDeletionMadeWhileAPullIsAnsweredKeepsThePulledRecordsOut(Backend backend, String cache,
            Emulators emulators) {
        AtomicBoolean armed = new AtomicBoolean();
        AtomicReference<Dataset> notes = new AtomicReference<>();
        CognitoSyncManagerBuilder builder = emulators.device(backend).remoteStore((wiring, credentials) ->
                new HookedRemote(wiring.backendRemote(credentials), () -> { }, () -> {
                    if (armed.getAndSet(false)) {
                        notes.get().delete();
                    }
                }));
        if (cache.equals("sqlite")) {
            builder.cacheFile(dir.resolve(backend + "-pull.db"));
        }
        try (CognitoSyncManager device = builder.build()) {
            notes.set(device.openOrCreateDataset("notes"));
            notes.get().put("k", "v");
            sync(notes.get());
            try (CognitoSyncManager other = emulators.device(backend).identityId(device.getIdentityId()).build()) {
                Dataset theirs = other.openOrCreateDataset("notes");
                sync(theirs);
                theirs.put("k2", "v2");
                sync(theirs);
            }
            armed.set(true);
            sync(notes.get());
            assertThat(armed).as("the pull was answered after the deletion").isFalse();
            assertThat(notes.get().getAll()).isEmpty();

            sync(notes.get());
            assertThat(notes.get().getAll()).isEmpty();
            try (CognitoSyncManager other = emulators.device(backend).identityId(device.getIdentityId()).build()) {
                Dataset copy = other.openOrCreateDataset("notes");
                sync(copy);
                assertThat(copy.getAll()).as("what another device of the identity finds").isEmpty();
            }
        }
    }
}
