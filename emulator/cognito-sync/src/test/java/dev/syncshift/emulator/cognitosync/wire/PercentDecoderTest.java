package dev.syncshift.emulator.cognitosync.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Percent-decoding of path labels and query strings as the AWS SDKs encode them, and what is refused. */
class PercentDecoderTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "us-east-1%3Aabc|us-east-1:abc",
        "a+b|a+b",
        "n%2Ft%2B%3D|n/t+=",
        "caf%C3%A9|caf\u00e9",
        "%F0%9F%98%80|\ud83d\ude00",
        "100%|100%",
        "%zz|%zz",
        "plain|plain"})
    void decodesUtf8EscapesAndKeepsPlusAndStrayPercents(String raw, String decoded) {
        assertThat(PercentDecoder.decode(raw)).isEqualTo(decoded);
    }

    @Test
    void aQueryStringKeepsTheFirstOfRepeatedNamesAndReadsBareNamesAsEmpty() {
        assertThat(PercentDecoder.query("maxResults=5&nextToken=a%2Fb&maxResults=9&flag"))
                .isEqualTo(Map.of("maxResults", "5", "nextToken", "a/b", "flag", ""));
        assertThat(PercentDecoder.query(null)).isEmpty();
        assertThat(PercentDecoder.query("")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/identitypools/us-east-1%3Aabc", "/a%20b", "/%00", "/caf%C3%A9", "lastSyncCount=0&x=%2B"})
    void wellFormedPathsAndQueriesPass(String raw) {
        assertThatCode(() -> PercentDecoder.requireWellFormed("path", raw)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/%u00e9", "/%zz", "/%", "/a%2", "/%C0%AF", "/%C3", "/caf\u00e9", "/a\\b", "/a b",
        "/a\tb"})
    void anythingElseIsASerializationException(String raw) {
        assertThatThrownBy(() -> PercentDecoder.requireWellFormed("path", raw)).isInstanceOfSatisfying(
                WireException.class, e -> {
                    assertThat(e.code()).isEqualTo("SerializationException");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Malformed request: the path is not percent-encoded UTF-8");
                });
    }
}
