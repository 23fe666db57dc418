package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --strict-auth} and {@code --developer-key} on the command line. */
class StrictAuthCommandLineTest {

    /** Arguments and the strict-auth settings they give. */
    record Options(String name, String[] args, boolean strictAuth, Map<String, String> developerKeys) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Options> options() {
        Map<String, String> defaultKey = Map.of(CognitoSyncEmulatorConfig.DEFAULT_DEVELOPER_KEY_ID,
                CognitoSyncEmulatorConfig.DEFAULT_DEVELOPER_SECRET);
        return Stream.of(
                new Options("no options", new String[0], false, defaultKey),
                new Options("--strict-auth alone accepts the default key", new String[] {"--strict-auth"}, true,
                        defaultKey),
                new Options("--developer-key repeated replaces the default key", new String[] {"--strict-auth",
                    "--developer-key", "AKID1:secret:with:colons", "--developer-key", "AKID2:s2"}, true,
                        Map.of("AKID1", "secret:with:colons", "AKID2", "s2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void configuresStrictAuth(Options options) {
        CognitoSyncEmulatorConfig config = EmulatorCommand.parse(options.args());

        assertThat(config.strictAuth()).isEqualTo(options.strictAuth());
        assertThat(config.developerKeys()).isEqualTo(options.developerKeys());
    }

    @ParameterizedTest(name = "--developer-key {0}")
    @ValueSource(strings = {"nocolon", ":secret", "AKID:"})
    void refusesADeveloperKeyWithoutIdAndSecret(String pair) {
        assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--developer-key", pair}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--developer-key needs ACCESS_KEY_ID:SECRET");
    }
}
