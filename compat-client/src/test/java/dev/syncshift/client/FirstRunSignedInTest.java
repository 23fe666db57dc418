package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app started twice on its first run, one instance signed in and the other still a guest, on one new cache file.
 * The device keeps one identity, as AWS's Android client did through its shared cache: the signed-in user's, which
 * a login takes over from a guest identity (the guest's datasets becoming {@code <name>.<guestId>}, as on any login
 * that joins identities). The guest instance cannot act for the user's identity without its logins: its
 * synchronizes fail with {@link DataAccessNotAuthorizedException} until it is given them, and its edits stay in the
 * cache under that identity, where the signed-in instance (or the next start) synchronizes them.
 */
@ExtendWith(EmulatorsExtension.class)
class FirstRunSignedInTest {

    private static final Map<String, String> ALICE = Map.of("login.compat", "alice");

    @TempDir
    Path dir;

    @Test
    void theGuestInstanceTakesTheSignedInIdentityAndIsRefusedWithItsEditsKept(Emulators emulators) {
        String alice = emulators.developerIdentity("alice");
        Path file = dir.resolve("cognito_dataset_cache.db");
        try (CognitoSyncManager signedIn = emulators.device(Backend.COGNITO).cacheFile(file).logins(ALICE).build();
                CognitoSyncManager guest = emulators.device(Backend.COGNITO).cacheFile(file).build()) {
            signedIn.openOrCreateDataset("mine").put("a", "1");
            guest.openOrCreateDataset("theirs").put("b", "2");
            sync(signedIn.openOrCreateDataset("mine"));

            RecordingCallback refused = new RecordingCallback();
            guest.openOrCreateDataset("theirs").synchronize(refused);

            assertThat(refused.failed()).isInstanceOf(DataAccessNotAuthorizedException.class);
            assertThat(guest.getIdentityId()).isEqualTo(alice);
            Dataset theirs = signedIn.openOrCreateDataset("theirs");
            assertThat(theirs.getAll()).isEqualTo(Map.of("b", "2"));
            sync(theirs);
            assertThat(theirs.isChanged("b")).isFalse();
        }
    }

    @Test
    void aGuestInstanceFirstIsJoinedToTheSignedInIdentityWithEveryEditKept(Emulators emulators) {
        String alice = emulators.developerIdentity("alice");
        Path file = dir.resolve("cognito_dataset_cache.db");
        String guestId;
        try (CognitoSyncManager signedIn = emulators.device(Backend.COGNITO).cacheFile(file).logins(ALICE).build();
                CognitoSyncManager guest = emulators.device(Backend.COGNITO).cacheFile(file).build()) {
            signedIn.openOrCreateDataset("mine").put("a", "1");
            Dataset theirs = guest.openOrCreateDataset("theirs");
            theirs.put("b", "2");
            sync(theirs);
            guestId = guest.getIdentityId();
            sync(signedIn.openOrCreateDataset("mine"));
            assertThat(signedIn.getIdentityId()).isEqualTo(alice);
            theirs.put("c", "3"); // the guest instance goes on, unaware that the login took the device over

            RecordingCallback refused = new RecordingCallback();
            theirs.synchronize(refused);

            assertThat(refused.failed()).isInstanceOf(DataAccessNotAuthorizedException.class);
            assertThat(guest.getIdentityId()).isEqualTo(alice);
        }
        try (CognitoSyncManager restarted = emulators.device(Backend.COGNITO).cacheFile(file).logins(ALICE).build()) {
            assertThat(restarted.getIdentityId()).isEqualTo(alice);
            assertThat(restarted.openOrCreateDataset("mine." + guestId).getAll()).isEqualTo(Map.of("a", "1"));
            Dataset merged = restarted.openOrCreateDataset("theirs." + guestId);
            assertThat(merged.getAll()).isEqualTo(Map.of("b", "2", "c", "3"));
            sync(merged);
            assertThat(merged.isChanged("c")).isFalse();
        }
    }
}
