package dev.syncshift.emulator.cognitosync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import dev.syncshift.emulator.cognitosync.junit.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.StreamingStatus;

/**
 * An emulator of its own on a {@link MutableClock}, with developer clients, for the Cognito Streams and bulk
 * publish tests; and the reading of their golden files.
 */
final class StreamsFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-01-02T03:04:05.678Z");
    static final String ROLE = "arn:aws:iam::123456789012:role/CognitoStreams";
    private static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = new MutableClock(START);
    final CognitoSyncEmulator emulator = CognitoSyncEmulator.start(
            CognitoSyncEmulatorConfig.builder().clock(clock).build());
    final CognitoSyncClient sync = CognitoSyncEmulatorExtension.syncClient(emulator.endpoint(),
            CognitoSyncEmulatorExtension.DEVELOPER);
    final CognitoIdentityClient identity = CognitoSyncEmulatorExtension.identityClient(emulator.endpoint(),
            CognitoSyncEmulatorExtension.DEVELOPER);

    void streaming(String pool, String stream, StreamingStatus status) {
        sync.setIdentityPoolConfiguration(r -> r.identityPoolId(pool)
                .cognitoStreams(s -> s.streamName(stream).roleArn(ROLE).streamingStatus(status)));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode golden(String name) {
        try (InputStream in = StreamsFixture.class.getResourceAsStream("/golden/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
