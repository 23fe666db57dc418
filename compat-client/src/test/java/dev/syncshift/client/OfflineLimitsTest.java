package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.syncFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A dataset over the limits fails its synchronize with {@code DataLimitExceededException} on every backend also while
 * the service is out of reach (relays that drop every request, in front of both emulators), as it would once it had
 * reached the service, pulled and checked what it then holds; the network's failure is its cause.
 */
@ExtendWith(EmulatorsExtension.class)
class OfflineLimitsTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDatasetOverTheLimitsFailsWithDataLimitExceededWhileTheServiceIsOutOfReach(Backend backend,
            Emulators emulators) {
        URI cognitoEndpoint = emulators.cognito().endpoint();
        try (TcpProxy cognito = TcpProxy.start(cognitoEndpoint, Duration.ZERO);
                TcpProxy appSync = TcpProxy.start(emulators.graphql(), Duration.ZERO);
                CognitoSyncManager device = emulators.device(backend).cognitoEndpoint(cognito.uri(cognitoEndpoint))
                        .appSyncEndpoint(appSync.uri(emulators.graphql())).build()) {
            cognito.dropRate(1);
            appSync.dropRate(1);
            Dataset many = device.openOrCreateDataset("many");
            Map<String, String> records = new HashMap<>();
            for (int i = 0; i < 1025; i++) {
                records.put("k" + i, "v");
            }
            many.putAll(records);
            Dataset large = device.openOrCreateDataset("large");
            large.put("x", "x".repeat(600_000));
            large.put("e", "\u00e9".repeat(250_000));

            assertThat(syncFailure(many)).isInstanceOf(DataLimitExceededException.class)
                    .hasMessage("Number of records exceeds the limit of 1024 per dataset")
                    .hasCauseInstanceOf(NetworkException.class);
            assertThat(syncFailure(large)).isInstanceOf(DataLimitExceededException.class)
                    .hasMessage("Dataset size of 1100002 bytes exceeds the limit of 1048576")
                    .hasCauseInstanceOf(NetworkException.class);
        }
    }
}
