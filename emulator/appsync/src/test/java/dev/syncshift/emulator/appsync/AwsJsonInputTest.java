package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AWSJSON input that is not JSON is a GraphQL validation error of the request, never an internal failure. */
class AwsJsonInputTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = TestApi.extension();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"ab\\u12\"", "\"\\x\"", "+1", "01", "[NaN,Infinity]", "{"})
    void notJsonIsAValidationError(String input, AppSyncEmulator emulator) {
        SignedGraphQlClient.Answer answer = new SignedGraphQlClient(emulator.endpoint()).post(
                Caller.ALICE.credentials(), "query($i: AWSJSON) { utilities(input: $i) }", Map.of("i", input));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.error().path("message").asText()).contains("Invalid AWSJSON").doesNotContain("Exception")
                .doesNotContain("jackson");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"123456789012345678901234567890", "{\"big\":123456789012345678901234567890}"})
    void integersPastALongAreAccepted(String input, AppSyncEmulator emulator) {
        SignedGraphQlClient.Answer answer = new SignedGraphQlClient(emulator.endpoint()).post(
                Caller.ALICE.credentials(), "query($i: AWSJSON) { utilities(input: $i) }", Map.of("i", input));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("errors").toString()).doesNotContain("Invalid AWSJSON")
                .doesNotContain("InternalFailure");
    }
}
