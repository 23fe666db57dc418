package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.AppSyncEmulatorConfig;
import dev.syncshift.emulator.appsync.fault.FaultPlan;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulator;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulatorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults: with the Cognito Sync emulator and the AppSync emulator throttling, failing (500) and slowing requests,
 * and with AppSync requests dropped on the wire, every synchronize ends in exactly one of onSuccess and onFailure,
 * and once the faults let them through, every edit any device acknowledged is on the service and on every device.
 */
@ExtendWith(EmulatorsExtension.class)
class FaultsTest {

    static final int DEVICES = 3;
    static final int ROUNDS = 6;

    @Test
    void cognitoSyncThrottlingFailingAndSlow() {
        try (CognitoSyncEmulator faulty = CognitoSyncEmulator.start(CognitoSyncEmulatorConfig.builder()
                .faultRate(0.25).throttleRps(15).latencyMs(5).seed(11).build())) {
            String pool = Emulators.identityClient(faulty.endpoint()).createIdentityPool(p -> p
                    .identityPoolName("faults").allowUnauthenticatedIdentities(true)).identityPoolId();
            run(b -> b.identityPoolId(pool).cognitoEndpoint(faulty.endpoint()).backend(Backend.COGNITO));
        }
    }

    @Test
    void appSyncThrottlingFailingAndSlow(Emulators emulators) {
        try (AppSyncEmulator faulty = AppSyncEmulator.start(AppSyncEmulatorConfig.of(Emulators.TEMPLATE, null)
                .withCognitoEndpoint(emulators.cognito().endpoint())
                .withFaults(new FaultPlan(0.2, 0.15, Duration.ofMillis(5), 11)))) {
            run(b -> b.identityPoolId(emulators.poolId()).cognitoEndpoint(emulators.cognito().endpoint())
                    .appSyncEndpoint(faulty.endpoint()).backend(Backend.APPSYNC));
        }
    }

    @Test
    void appSyncRequestsDroppedOnTheWire(Emulators emulators) {
        try (TcpProxy proxy = TcpProxy.start(emulators.graphql(), Duration.ofMillis(2))) {
            proxy.dropRate(0.25);
            run(b -> b.identityPoolId(emulators.poolId()).cognitoEndpoint(emulators.cognito().endpoint())
                    .appSyncEndpoint(proxy.uri(emulators.graphql())).backend(Backend.APPSYNC));
            assertThat(proxy.dropped()).isPositive();
        }
    }

    private static void run(UnaryOperator<CognitoSyncManagerBuilder> device) {
        List<CognitoSyncManager> devices = new ArrayList<>();
        try {
            devices.add(device.apply(CognitoSyncManager.builder()).build());
            String identity = untilItWorks(() -> devices.get(0).getIdentityId());
            for (int i = 1; i < DEVICES; i++) {
                devices.add(device.apply(CognitoSyncManager.builder()).identityId(identity).build());
            }
            Map<String, String> acknowledged = editAndSynchronize(devices);
            devices.forEach(FaultsTest::synchronizeUntilSuccess);
            devices.forEach(FaultsTest::synchronizeUntilSuccess);

            for (CognitoSyncManager manager : devices) {
                Dataset d = manager.openOrCreateDataset("faults");
                assertThat(d.getAll()).containsAllEntriesOf(acknowledged);
                assertThat(d.getAllRecords()).noneMatch(Record::isModified);
            }
        } finally {
            devices.forEach(CognitoSyncManager::close);
        }
    }

    /** Each device writes its own keys and synchronizes; every synchronize must end exactly once. */
    private static Map<String, String> editAndSynchronize(List<CognitoSyncManager> devices) {
        Map<String, String> acknowledged = new HashMap<>();
        List<RecordingCallback> callbacks = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < devices.size(); i++) {
                Dataset d = devices.get(i).openOrCreateDataset("faults");
                String key = "device" + i + "-round" + round;
                d.put(key, "v" + round);
                acknowledged.put(key, "v" + round);
                RecordingCallback callback = new RecordingCallback();
                d.synchronize(callback);
                callbacks.add(callback);
            }
            callbacks.forEach(RecordingCallback::await);
        }
        assertThat(callbacks).allSatisfy(c -> assertThat(c.terminalCalls()).isEqualTo(1));
        return acknowledged;
    }

    private static void synchronizeUntilSuccess(CognitoSyncManager manager) {
        Dataset d = manager.openOrCreateDataset("faults");
        for (int attempt = 0; attempt < 30; attempt++) {
            RecordingCallback callback = new RecordingCallback();
            d.synchronize(callback);
            callback.await();
            if (callback.terminalCalls() == 1 && callback.conflicts().isEmpty() && succeeded(callback)) {
                return;
            }
        }
        throw new AssertionError("no synchronize succeeded in 30 attempts");
    }

    private static boolean succeeded(RecordingCallback callback) {
        try {
            callback.succeeded();
            return true;
        } catch (AssertionError failed) {
            return false;
        }
    }

    private static <T> T untilItWorks(java.util.function.Supplier<T> call) {
        DataStorageException last = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                return call.get();
            } catch (DataStorageException e) {
                last = e;
            }
        }
        throw last;
    }
}
