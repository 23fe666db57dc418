package dev.syncshift.emulator.appsync.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** JSON as RFC 8259 defines it, for the resolver context and AWSJSON: what the hand-written reader got wrong. */
class JsJsonTest {

    @Test
    void integersOfAnySizeSurvive() {
        assertThat(JsJson.read("123456789012345678901234567890"))
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(JsJson.read("[1, 9223372036854775807, 1.5]")).isEqualTo(List.of(1L, Long.MAX_VALUE, 1.5));
        assertThat(JsJson.write(new BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"ab\\u12\"", "\"\\x\"", "+1", "01", "NaN", "[1,]", "{\"a\":1,\"a\":2}", "1 2", "",
        "{'a': 1}", "[1] // comment"})
    void whatIsNotJsonIsRefusedWithoutParserInternals(String text) {
        assertThatThrownBy(() -> JsJson.read(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not valid JSON at line ").hasNoCause();
    }

    @Test
    void nonFiniteNumbersAreWrittenAsNullAsJavaScriptDoes() {
        assertThat(JsJson.write(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, 2.5, Float.NEGATIVE_INFINITY)))
                .isEqualTo("[null,null,2.5,null]");
    }

    @Test
    void textAndNestingRoundTrip() {
        Map<String, Object> value = Map.of("s", "é\u0000\"\\\n🚀", "l", List.of(Map.of("b", true)));

        assertThat(JsJson.read(JsJson.write(value))).isEqualTo(value);
    }
}
