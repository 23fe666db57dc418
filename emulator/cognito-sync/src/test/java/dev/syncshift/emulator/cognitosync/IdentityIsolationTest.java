package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitosync.model.Record;

@ExtendWith(CognitoSyncEmulatorExtension.class)
class IdentityIsolationTest {

    @Test
    void temporaryCredentialsWriteAsTheirIdentityAndCannotTouchAnother(CognitoSyncEmulator emulator,
            CognitoIdentityClient identity) {
        String pool = Pools.newPool(identity);
        String alice = Pools.newIdentity(identity, pool);
        String bob = Pools.newIdentity(identity, pool);
        CognitoSyncClient aliceDevice = CognitoSyncEmulatorExtension.syncClient(emulator.endpoint(),
                Pools.credentialsOf(identity, alice));

        List<Record> written = new SyncDataset(aliceDevice, pool, alice, "prefs").push(
                replace("theme", "dark", 0));

        assertThat(written).extracting(Record::lastModifiedBy).containsExactly(alice);
        assertThatThrownBy(() -> new SyncDataset(aliceDevice, pool, bob, "prefs").list(0))
                .isInstanceOfSatisfying(NotAuthorizedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Access to Identity '" + bob + "' is forbidden.");
                });
    }
}
