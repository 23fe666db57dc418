package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.AppSyncEmulatorConfig;
import dev.syncshift.emulator.dynamodblocal.LoopbackDynamoDb;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A synchronize whose push AppSync stored, overtaken before the page of changes it answers with was read: another
 * device of the identity replaced a value in pieces in between, so that the page cannot be read whole. The service
 * answers the push with no page ({@code changes} null) and the device lists the changes instead: it ends with the
 * other device's whole value and every change it was behind on. The rival's synchronize runs when the API's
 * {@code TransactGetItems} follows the push's {@code TransactWriteItems} on the way to DynamoDB (a relay between the
 * AppSync emulator and its DynamoDB Local), a point no timing hits reliably.
 */
@ExtendWith(EmulatorsExtension.class)
class OvertakenPageTest {

    private static final String TARGET = "DynamoDB_20120810.";

    @Test
    void aPushWhosePageAnotherDeviceOvertookListsTheChanges(Emulators emulators) {
        String mine = "m".repeat(65_546);
        String theirs = "t".repeat(196_618);
        try (LoopbackDynamoDb table = LoopbackDynamoDb.start();
                TcpProxy relay = TcpProxy.start(table.endpoint(), Duration.ZERO);
                AppSyncEmulator appSync = AppSyncEmulator.start(new AppSyncEmulatorConfig(Emulators.TEMPLATE,
                        "127.0.0.1", 0, null, relay.uri(table.endpoint()), "us-east-1", Duration.ofSeconds(60),
                        emulators.cognito().endpoint()));
                CognitoSyncManager device = emulators.device(Backend.APPSYNC).appSyncEndpoint(appSync.endpoint())
                        .build();
                CognitoSyncManager other = sameIdentity(emulators, appSync, device);
                CognitoSyncManager rival = sameIdentity(emulators, appSync, device)) {
            Dataset notes = device.openOrCreateDataset("notes");
            notes.put("x", "1");
            sync(notes);
            Dataset elsewhere = other.openOrCreateDataset("notes");
            elsewhere.put("y", "2");
            sync(elsewhere); // the device is behind: the service answers its push with a page it reads
            notes.put("j", mine);
            Dataset rivals = rival.openOrCreateDataset("notes");
            rivalBeforeTheReadAfterTheNextWrite(relay, () -> {
                sync(rivals);
                rivals.put("j", theirs);
                sync(rivals);
            });

            sync(notes);

            assertThat(theirs.equals(rivals.get("j"))).as("the rival's value was stored").isTrue();
            Map<String, String> held = notes.getAll();
            assertThat(held.keySet()).containsExactlyInAnyOrder("x", "y", "j");
            assertThat(held.get("y")).as("the change the device was behind on").isEqualTo("2");
            assertThat(theirs.equals(held.get("j"))).as("the rival's whole value, not the device's own").isTrue();
            assertThat(notes.isChanged("j")).isFalse();
            assertThat(notes.getLastSyncCount()).isEqualTo(rivals.getLastSyncCount());
        }
    }

    private static CognitoSyncManager sameIdentity(Emulators emulators, AppSyncEmulator appSync,
            CognitoSyncManager device) {
        return emulators.device(Backend.APPSYNC).appSyncEndpoint(appSync.endpoint())
                .identityId(device.getIdentityId()).build();
    }

    /**
     * Runs {@code action} (once) on the relay's thread before the first {@code TransactGetItems} that follows the
     * next {@code TransactWriteItems}, holding that read until it is done; the action's own requests pass.
     */
    private static void rivalBeforeTheReadAfterTheNextWrite(TcpProxy relay, Runnable action) {
        AtomicReference<@Nullable Runnable> armed = new AtomicReference<>(action);
        AtomicBoolean written = new AtomicBoolean();
        relay.beforeRequest(head -> {
            if (head.contains(TARGET + "TransactWriteItems")) {
                written.set(true);
            } else if (written.get() && head.contains(TARGET + "TransactGetItems")) {
                Runnable rival = armed.getAndSet(null);
                if (rival != null) {
                    rival.run();
                }
            }
        });
    }
}
