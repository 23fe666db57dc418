package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A refused request leaves its keep-alive connection usable: the emulator reads the rest of the body of a request it
 * refuses before answering, so the next request on the same connection is answered, instead of the client finding
 * the socket closed under it (or being reset while it still writes the body).
 */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class ConnectionReuseTest {

    private final CognitoSyncEmulator emulator;

    ConnectionReuseTest(CognitoSyncEmulator emulator) {
        this.emulator = emulator;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "POST | /nowhere | - | 404",
        "PUT | /identitypools/us-east-1:x/identities/us-east-1:y/datasets | - | 404",
        "POST | / | AWSCognitoIdentityService.NoSuchOperation | 400",
    })
    void theNextRequestOnTheSameConnectionIsAnswered(String method, String path, String target, int status) {
        byte[] body = ("{\"IdentityPoolId\":\"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1"
                + (target == null ? "" : "\r\nX-Amz-Target: " + target);

        RawHttp.Response[] answers = RawHttp.sendTwice(emulator.endpoint(), head, body,
                "GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1");

        assertThat(answers[0].status()).as(answers[0].toString()).isEqualTo(status);
        assertThat(answers[0].header("Connection")).as(answers[0].toString()).isEmpty();
        assertThat(answers[1]).as("an answer on the same connection").isNotNull();
        assertThat(answers[1].status()).isEqualTo(404);
    }
}
