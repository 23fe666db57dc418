package dev.syncshift.graphql.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Checks an answer against "JSON pointer → expected JSON text" rows; {@code $me} stands for the caller's id. */
final class Expectations {

    static final String MISSING = "<missing>";
    static final String PRESENT = "<present>";

    private Expectations() {
    }

    static void check(JsonNode body, Map<String, String> expected, Caller me) {
        expected.forEach((pointer, text) -> {
            JsonNode actual = body.at(pointer);
            String description = pointer + " in " + abbreviated(body);
            if (text.equals(MISSING)) {
                assertThat(actual.isMissingNode()).as(description).isTrue();
            } else if (text.equals(PRESENT)) {
                assertThat(actual.isMissingNode() || actual.isNull()).as(description).isFalse();
            } else {
                String resolved = me.identityId() == null ? text : text.replace("$me", me.identityId());
                assertThat(actual.toString()).as(description).isEqualTo(resolved);
            }
        });
    }

    private static String abbreviated(JsonNode body) {
        String text = body.toString();
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }
}
