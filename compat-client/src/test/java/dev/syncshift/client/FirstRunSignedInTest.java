package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
            Dataset theirs = guestFirst(signedIn, guest);
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
    /**
     * The login lands while the guest instance is renewing its credentials: Cognito then refuses the guest identity,
     * merged into the user's, and the guest instance takes the identity the cache remembers (the user's), not a new
     * guest identity remembered over the user's, which the signed-in instance would follow away from the user's.
     */
    @Test
    void aLoginWhileTheGuestInstanceRenewsItsCredentialsLeavesTheDeviceOnTheSignedInIdentity(Emulators emulators) {
        String alice = emulators.developerIdentity("alice");
        Path file = dir.resolve("cognito_dataset_cache.db");
        try (CognitoSyncManager signedIn = emulators.device(Backend.COGNITO).cacheFile(file).logins(ALICE).build();
                CognitoSyncManager guest = emulators.device(Backend.COGNITO).cacheFile(file).build()) {
            Dataset theirs = guestFirst(signedIn, guest);
            String guestId = guest.getIdentityId();
            CountDownLatch renewing = new CountDownLatch(1);
            CountDownLatch loggedIn = new CountDownLatch(1);
            guest.setLoginsProvider(() -> {
                renewing.countDown();
                Latches.await(loggedIn);
                return Map.of();
            });
            RecordingCallback renewed = new RecordingCallback();
            theirs.synchronize(renewed);
            Latches.await(renewing);
            sync(signedIn.openOrCreateDataset("mine"));
            loggedIn.countDown();

            assertThat(renewed.failed()).isInstanceOf(DataAccessNotAuthorizedException.class);
            sync(signedIn.openOrCreateDataset("mine"));
            assertThat(signedIn.getIdentityId()).isEqualTo(alice);
            assertThat(signedIn.openOrCreateDataset("mine." + guestId).getAll()).isEqualTo(Map.of("a", "1"));
        }
        try (CognitoSyncManager restarted = emulators.device(Backend.COGNITO).cacheFile(file).build()) {
            assertThat(restarted.getIdentityId()).as("the device's identity in the cache").isEqualTo(alice);
        }
    }

    /** Both instances edit before either has an identity; the guest's synchronize gets the device's identity first. */
    private static Dataset guestFirst(CognitoSyncManager signedIn, CognitoSyncManager guest) {
        signedIn.openOrCreateDataset("mine").put("a", "1");
        Dataset theirs = guest.openOrCreateDataset("theirs");
        theirs.put("b", "2");
        sync(theirs);
        return theirs;
    }
}
