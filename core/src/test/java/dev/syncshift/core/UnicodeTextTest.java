package dev.syncshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which text is valid Unicode, and how text that is not is named. */
class UnicodeTextTest {

    @Test
    void onlyUnpairedSurrogatesAreFound() {
        assertThat(UnicodeText.unpairedAt("plain, ünïcode, 漢字")).isEqualTo(-1);
        assertThat(UnicodeText.unpairedAt("emoji \ud83d\ude00 whole")).isEqualTo(-1);
        assertThat(UnicodeText.unpairedAt("cut \ud83d")).isEqualTo(4);
        assertThat(UnicodeText.unpairedAt("\ude00 low first")).isZero();
        assertThat(UnicodeText.unpairedAt("reversed \ude00\ud83d")).isEqualTo(9);
        assertThat(UnicodeText.unpairedAt("")).isEqualTo(-1);
    }

    @Test
    void theProblemNamesTheSurrogateAndItsPlaceCountedFromOne() {
        assertThat(UnicodeText.problem("cut \ud83d")).isEqualTo("an unpaired surrogate, U+D83D, at character 5");
        assertThatThrownBy(() -> UnicodeText.problem("fine")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shownTextWritesUnpairedSurrogatesOutAndIsCut() {
        assertThat(UnicodeText.shown("a\ud83d\ude00b\ud800", 60)).isEqualTo("'a\ud83d\ude00b\\uD800'");
        assertThat(UnicodeText.shown("k".repeat(61), 60)).isEqualTo("'" + "k".repeat(60) + "…'");
        assertThat(UnicodeText.shown("k".repeat(60), 60)).isEqualTo("'" + "k".repeat(60) + "'");
    }

    @Test
    void aValueThatIsNotUnicodeIsAValidationErrorNamingTheMember() {
        assertThat(Constraints.unicode("value", "emoji \ud83d\ude00")).isEqualTo("emoji \ud83d\ude00");
        assertThatThrownBy(() -> Constraints.unicode("value", "cut \ud83d"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("1 validation error detected: Value 'cut \\uD83D' at 'value' failed to satisfy constraint: "
                        + "Member must be valid Unicode, without an unpaired surrogate, U+D83D, at character 5");
    }
}
