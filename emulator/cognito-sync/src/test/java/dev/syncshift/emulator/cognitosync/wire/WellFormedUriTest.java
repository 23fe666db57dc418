package dev.syncshift.emulator.cognitosync.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which raw paths and queries reach decoding: percent-encoded UTF-8 as the AWS SDKs send it, and nothing else. */
class WellFormedUriTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/identitypools/us-east-1%3Aabc", "/a%20b", "/%00", "/caf%C3%A9", "lastSyncCount=0&x=%2B"})
    void wellFormedPathsAndQueriesPass(String raw) {
        assertThatCode(() -> WellFormedUri.require("path", raw)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/%u00e9", "/%zz", "/%", "/a%2", "/%C0%AF", "/%C3", "/caf\u00e9", "/a\\b", "/a b",
        "/a\tb", "/%\u0663\u0663"})
    void anythingElseIsASerializationException(String raw) {
        assertThatThrownBy(() -> WellFormedUri.require("path", raw)).isInstanceOfSatisfying(
                WireException.class, e -> {
                    assertThat(e.code()).isEqualTo("SerializationException");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Malformed request: the path is not percent-encoded UTF-8");
                });
    }
}
