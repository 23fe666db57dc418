package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.AppSyncEmulatorConfig;
import dev.syncshift.emulator.dynamodblocal.LoopbackDynamoDb;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The AppSync backend over a table that throttles: DynamoDB cancels the API's transactions for the table's
 * throughput, AppSync answers the field with that error, and the synchronize is retried as a throttled call is.
 */
@ExtendWith(EmulatorsExtension.class)
class TableThrottlingTest {

    @Test
    void aPushTheTableThrottlesIsRetriedAndStoredOnce(Emulators emulators) {
        try (LoopbackDynamoDb table = LoopbackDynamoDb.start();
                AppSyncEmulator appSync = AppSyncEmulator.start(new AppSyncEmulatorConfig(Emulators.TEMPLATE,
                        "127.0.0.1", 0, null, table.endpoint(), "us-east-1", Duration.ofSeconds(60),
                        emulators.cognito().endpoint()));
                CognitoSyncManager device = emulators.device(Backend.APPSYNC).appSyncEndpoint(appSync.endpoint())
                        .build()) {
            Dataset d = device.openOrCreateDataset("throttled");
            d.put("k", "v");
            table.cancelTransactions("ThrottlingError", "ThrottlingError");

            sync(d);

            assertThat(d.getLastSyncCount()).isEqualTo(1);
            try (CognitoSyncManager other = emulators.device(Backend.APPSYNC).appSyncEndpoint(appSync.endpoint())
                    .identityId(device.getIdentityId()).build()) {
                Dataset seen = other.openOrCreateDataset("throttled");
                sync(seen);
                assertThat(seen.getAll()).isEqualTo(Map.of("k", "v"));
            }
        }
    }
}
