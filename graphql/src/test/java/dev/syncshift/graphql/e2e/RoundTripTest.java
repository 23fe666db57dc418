package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.Patch.put;
import static dev.syncshift.graphql.e2e.Patch.remove;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key and value Cognito Sync accepts survives the trip byte for byte, even where DynamoDB's limits are
 * smaller (values chunked across items, keys over 1,000 UTF-8 bytes hashed into the sort key): pushed, pulled,
 * replaced by its count (which finds the stored item again), shrunk, grown and removed.
 */
class RoundTripTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    static final String GRIN = "\uD83D\uDE00";

    /** One row: a key and a value that must come back unchanged. */
    record Pair(String name, String key, String value) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Pair> pairs() {
        return Stream.of(
                new Pair("the largest value: 1,048,575 ASCII characters (exactly 1 MB with its key)", "k",
                        "x".repeat(1_048_575)),
                new Pair("~1 MB of 4-byte characters with a surrogate pair at every chunk cut", "k",
                        "x" + GRIN.repeat(262_143)),
                new Pair("~1 MB of 2- and 3-byte characters", "k", "é€".repeat(209_714)),
                new Pair("a key of 1,024 four-byte characters (4,096 UTF-8 bytes, hashed sort key)", codePoints(1024),
                        "v"),
                new Pair("a key of exactly 1,000 UTF-8 bytes (readable sort key)", "é".repeat(500), "v"),
                new Pair("a key of 1,001 UTF-8 bytes (hashed sort key)", "é".repeat(500) + "a", "v"),
                new Pair("a long 4-byte key with a chunked value", codePoints(1024), GRIN.repeat(200_000)),
                new Pair("an empty value", "empty", ""),
                new Pair("control characters, quotes, backslashes and JSON-looking text", "k\"\\/\t",
                        "\u0000\u0001\n\r\t\"\\ {\"a\": [1, null]} \u2028\u2029 \uFEFF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void comesBackByteForByte(Pair pair, AppSyncEmulator emulator) {
        SyncOperations api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
        Caller me = SyncshiftApi.freshUser();

        Answer pushed = api.updateRecords(me, "ds", put(pair.key(), pair.value(), 0));

        assertThat(pushed.ok()).as(abbreviated(pushed)).isTrue();
        assertSame(pulledRecord(api, me, 0), pair.key(), pair.value(), 1);
        Answer shrunk = api.updateRecords(me, "ds", put(pair.key(), "short", 1));
        assertThat(shrunk.ok()).as(abbreviated(shrunk)).isTrue();
        assertSame(pulledRecord(api, me, 1), pair.key(), "short", 2);
        assertThat(api.updateRecords(me, "ds", put(pair.key(), pair.value(), 2)).ok()).isTrue();
        assertSame(pulledRecord(api, me, 2), pair.key(), pair.value(), 3);
        assertThat(api.updateRecords(me, "ds", remove(pair.key(), 3)).ok()).isTrue();
        JsonNode tombstone = pulledRecord(api, me, 3);
        assertThat(tombstone.path("deleted").asBoolean()).isTrue();
        assertThat(tombstone.path("value").isNull()).isTrue();
    }

    private static JsonNode pulledRecord(SyncOperations api, Caller me, long lastSyncCount) {
        Answer pulled = api.listRecords(me, "ds", lastSyncCount);
        assertThat(pulled.ok()).as(abbreviated(pulled)).isTrue();
        JsonNode records = pulled.data("listRecords").path("records");
        assertThat(records.size()).isEqualTo(1);
        return records.get(0);
    }

    private static void assertSame(JsonNode record, String key, String value, long syncCount) {
        assertThat(record.path("key").asText().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(key.getBytes(StandardCharsets.UTF_8));
        assertThat(record.path("value").asText().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(value.getBytes(StandardCharsets.UTF_8));
        assertThat(record.path("syncCount").asLong()).isEqualTo(syncCount);
        assertThat(record.path("deleted").asBoolean()).isFalse();
    }

    /** {@code n} distinct supplementary characters (U+1F600 onwards, wrapping within the plane). */
    static String codePoints(int n) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < n; i++) {
            key.appendCodePoint(0x1F600 + i % 0x9FF);
        }
        return key.toString();
    }

    private static String abbreviated(Answer answer) {
        String text = answer.body().toString();
        return text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
    }
}
