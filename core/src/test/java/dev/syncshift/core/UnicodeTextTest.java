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
    void aRecordsTextIsNamedByItsPartAndItsKeyTheKeyFirst() {
        assertThat(UnicodeText.inRecord("title", "cut \ud83d")).hasValue("the value of record 'title' holds text that "
                + "is not valid Unicode (an unpaired surrogate, U+D83D, at character 5)");
        assertThat(UnicodeText.inRecord("half \udc00", "cut \ud83d")).hasValue("the key of record 'half \\uDC00' holds "
                + "text that is not valid Unicode (an unpaired surrogate, U+DC00, at character 6)");
        assertThat(UnicodeText.inRecord("k".repeat(61) + "\ud800", null)).get().asString()
                .startsWith("the key of record '" + "k".repeat(60) + "…' holds");
        assertThat(UnicodeText.inRecord("emoji \ud83d\ude00", "\ud83d\ude00")).isEmpty();
        assertThat(UnicodeText.inRecord("gone", null)).isEmpty();
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
