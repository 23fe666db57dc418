package dev.syncshift.emulator.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Percent-decoding of path segments and query strings as the AWS SDKs encode them. */
class PercentDecodingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "us-east-1%3Aabc|us-east-1:abc",
        "a+b|a+b",
        "n%2Ft%2B%3D|n/t+=",
        "caf%C3%A9|caf\u00e9",
        "%F0%9F%98%80|\ud83d\ude00",
        "100%|100%",
        "%zz|%zz",
        "a%2|a%2",
        "%C3|\ufffd",
        "plain|plain"})
    void decodesUtf8EscapesAndKeepsPlusAndStrayPercents(String raw, String decoded) {
        assertThat(PercentDecoding.decode(raw)).isEqualTo(decoded);
    }

    @Test
    void aQueryKeepsTheFirstOfRepeatedNamesAndReadsBareNamesAsEmpty() {
        assertThat(QueryParameters.firstValues("maxResults=5&nextToken=a%2Fb&maxResults=9&flag&&x=a+b"))
                .containsExactly(Map.entry("maxResults", "5"), Map.entry("nextToken", "a/b"), Map.entry("flag", ""),
                        Map.entry("x", "a+b"));
        assertThat(QueryParameters.firstValues(null)).isEmpty();
        assertThat(QueryParameters.firstValues("")).isEmpty();
        assertThat(QueryParameters.first("a=1&b=%3D&a=2", "a")).isEqualTo("1");
        assertThat(QueryParameters.first("a=1", "A")).isNull();
    }
}
