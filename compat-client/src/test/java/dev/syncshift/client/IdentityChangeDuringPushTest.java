package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A logout or a login that comes while a synchronize is about to push: the push must not act for the identity that
 * came next. AppSync knows the identity a request acts for from its signature alone, so a push signed with the next
 * identity's credentials once wrote the user's unsynced edits into that identity's dataset on the service (a logout:
 * into the new guest identity's; a login that joined a guest identity to an account: into the account's dataset,
 * while the local copy moved to {@code <name>.<guest>}). Cognito Sync refuses it, the request naming the identity.
 */
@ExtendWith(EmulatorsExtension.class)
class IdentityChangeDuringPushTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLogoutJustBeforeThePushSendsNothingForTheNextIdentity(Backend backend, Emulators emulators) {
        String user = "logout-" + backend;
        String signedIn = emulators.developerIdentity(user);
        AtomicBoolean armed = new AtomicBoolean();
        AtomicReference<CognitoSyncManager> self = new AtomicReference<>();
        try (CognitoSyncManager device = emulators.device(backend).logins(Map.of("login.compat", user))
                .remoteStore((wiring, credentials) -> HookedRemote.beforePush(wiring.backendRemote(credentials), () -> {
                    if (armed.getAndSet(false)) {
                        self.get().wipeData();
                        self.get().setLogins(Map.of());
                    }
                })).build()) {
            self.set(device);
            Dataset diary = device.openOrCreateDataset("diary");
            diary.put("opened", "yes");
            sync(diary);
            assertThat(device.getIdentityId()).isEqualTo(signedIn);
            diary.put("secret", "not for the next user");

            armed.set(true);
            RecordingCallback callback = new RecordingCallback();
            diary.synchronize(callback);
            callback.failed();

            assertThat(armed).as("the logout came before the push").isFalse();
            String guest = device.getIdentityId();
            assertThat(guest).isNotEqualTo(signedIn);
            assertThat(readBy(emulators, backend, guest, Map.of())).doesNotContainKey("secret");
        }
        assertThat(readBy(emulators, backend, signedIn, Map.of("login.compat", user)))
                .isEqualTo(Map.of("opened", "yes"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLoginJustBeforeThePushLeavesTheAccountsDatasetAsItWasAndKeepsTheGuestsEdit(Backend backend,
            Emulators emulators) {
        String user = "login-" + backend;
        String account = emulators.developerIdentity(user);
        try (CognitoSyncManager other = emulators.device(backend).logins(Map.of("login.compat", user)).build()) {
            Dataset diary = other.openOrCreateDataset("diary");
            diary.put("account", "kept");
            sync(diary);
        }
        AtomicBoolean armed = new AtomicBoolean();
        AtomicReference<CognitoSyncManager> self = new AtomicReference<>();
        try (CognitoSyncManager device = emulators.device(backend)
                .remoteStore((wiring, credentials) -> HookedRemote.beforePush(wiring.backendRemote(credentials), () -> {
                    if (armed.getAndSet(false)) {
                        self.get().setLogins(Map.of("login.compat", user));
                    }
                })).build()) {
            self.set(device);
            Dataset diary = device.openOrCreateDataset("diary");
            diary.put("guest", "synced");
            sync(diary);
            String guest = device.getIdentityId();
            diary.put("unsynced", "the guest's");

            armed.set(true);
            RecordingCallback callback = new RecordingCallback();
            diary.synchronize(callback);
            callback.await();

            assertThat(armed).as("the login came before the push").isFalse();
            assertThat(device.getIdentityId()).isEqualTo(account);
            assertThat(readBy(emulators, backend, account, Map.of("login.compat", user)))
                    .isEqualTo(Map.of("account", "kept"));
            Dataset moved = device.openOrCreateDataset("diary." + guest);
            assertThat(moved.get("unsynced")).isEqualTo("the guest's");
        }
    }

    /** What a new device of {@code identity}, signed in with {@code logins}, finds in its dataset "diary". */
    private static Map<String, String> readBy(Emulators emulators, Backend backend, String identity,
            Map<String, String> logins) {
        try (CognitoSyncManager device = emulators.device(backend).identityId(identity).logins(logins).build()) {
            Dataset diary = device.openOrCreateDataset("diary");
            sync(diary);
            return diary.getAll();
        }
    }
}
