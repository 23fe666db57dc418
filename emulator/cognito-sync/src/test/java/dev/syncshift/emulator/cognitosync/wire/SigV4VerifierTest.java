package dev.syncshift.emulator.cognitosync.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.rules.CredentialRules;
import dev.syncshift.emulator.cognitosync.rules.DeveloperKeys;
import dev.syncshift.emulator.cognitosync.rules.IdGenerator;
import dev.syncshift.emulator.cognitosync.store.InMemoryCredentialStore;
import dev.syncshift.emulator.cognitosync.store.InMemoryIdentityStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The signature recomputed for requests that did not sign {@code x-amz-content-sha256} (as the JS SDK v3 sends
 * them), checked against vectors of AWS's SigV4 test suite.
 */
class SigV4VerifierTest {

    private static final AwsCredentialsIdentity EXAMPLE = AwsCredentialsIdentity.create("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    private final SigV4Verifier verifier = new SigV4Verifier("123456789012", new CredentialRules(
            new InMemoryIdentityStore(), new InMemoryCredentialStore(), new IdGenerator(1), Clock.systemUTC()),
            new DeveloperKeys(Map.of()));

    /** One vector: the request as sent and the signature AWS's suite gives for it. */
    record Vector(String name, String method, String rawPath, String rawQuery, String signature) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> vectors() {
        return Stream.of(
                new Vector("get-vanilla", "GET", "/", null,
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                new Vector("get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1",
                        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void recomputesTheSuitesSignature(Vector vector) {
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=" + vector.signature();
        SignedRequest request = new SignedRequest(vector.method(), vector.rawPath(), vector.rawQuery(), Map.of(
                "Host", List.of("example.amazonaws.com"), "X-Amz-Date", List.of("20150830T123600Z"),
                "Authorization", List.of(authorization)), new byte[0]);

        String signature = verifier.signature(request, SigV4Authorization.of(request), EXAMPLE);

        assertThat(signature).isEqualTo(vector.signature());
    }
}
