package dev.syncshift.emulator.cognitosync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.InvalidParameterException;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NextTokens of the list operations and ListRecords' cursor: round trips, page sizes, and refusals. */
class PageTokensTest {

    private static final String POOL = "us-east-1:00000000-0000-4000-8000-000000000001";
    private static final String LISTING = RecordCursor.listing(new IdentityPoolId(POOL),
            new DatasetKey(new IdentityId("us-east-1:00000000-0000-4000-8000-000000000002"), new DatasetName("ds")), 0);
    private static final String REFUSED = "' at 'nextToken' failed to satisfy constraint: Member must be a token "
            + "returned by this API";

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"ds-1", "us-east-1:00000000-0000-4000-8000-000000000001", "caf\u00e9 \ud83d\ude00",
        "line\nbreak", ""})
    void aTokenGivesBackItsCursor(String cursor) {
        assertThat(PageTokens.decode("ListDatasets", PageTokens.encode("ListDatasets", cursor))).isEqualTo(cursor);
    }

    @Test
    void noTokenIsTheFirstPage() {
        assertThat(PageTokens.decode("ListDatasets", null)).isNull();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"garbage", "", "!!", "TGlzdERhdGFzZXRzCmRz=", "TGlzdERhdGFzZXRzCmRz\n"})
    void tokensThisApiDidNotIssueAreRefused(String token) {
        assertThatThrownBy(() -> PageTokens.decode("ListDatasets", token))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("1 validation error detected: Value '" + token + REFUSED);
    }

    @Test
    void aTokenOfAnotherListingIsRefused() {
        String token = PageTokens.encode("ListIdentityPools", "us-east-1:00000000-0000-4000-8000-000000000001");

        assertThatThrownBy(() -> PageTokens.decode("ListIdentityPoolUsage", token))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void aTokenOfTheSameOperationOverOtherItemsIsRefused() {
        String listing = PageTokens.listing("ListDatasets", POOL, "us-east-1:1");
        String token = PageTokens.encode(listing, "ds-1");

        assertThat(PageTokens.decode(listing, token)).isEqualTo("ds-1");
        assertThatThrownBy(() -> PageTokens.decode(PageTokens.listing("ListDatasets", POOL, "us-east-1:2"), token))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> PageTokens.decode("ListDatasets", token))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void pageSizesDefaultCapAndRefuseBelowOne() {
        assertThat(PageTokens.pageSize(null, 64, 64)).isEqualTo(64);
        assertThat(PageTokens.pageSize(5, 64, 64)).isEqualTo(5);
        assertThat(PageTokens.pageSize(Integer.MAX_VALUE, 64, 64)).isEqualTo(64);
        assertThatThrownBy(() -> PageTokens.pageSize(0, 64, 64)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at 'maxResults'");
    }

    @Test
    void aRecordCursorContinuesAfterItsRecordInCountThenKeyOrder() {
        RecordCursor cursor = RecordCursor.decode(LISTING, RecordCursor.of(record("b:c", 3)).encode(LISTING));

        assertThat(cursor).isEqualTo(new RecordCursor(3, "b:c"));
        assertThat(cursor.precedes(record("b:d", 3))).isTrue();
        assertThat(cursor.precedes(record("a", 4))).isTrue();
        assertThat(cursor.precedes(record("b:c", 3))).isFalse();
        assertThat(cursor.precedes(record("z", 2))).isFalse();
        assertThat(RecordCursor.decode(LISTING, null).precedes(record("a", 0))).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"no colon", "x:key", ":key", "99999999999999999999:key"})
    void aListRecordsTokenWithoutACountAndKeyIsRefused(String cursor) {
        String token = PageTokens.encode(LISTING, cursor);

        assertThatThrownBy(() -> RecordCursor.decode(LISTING, token)).isInstanceOf(InvalidParameterException.class)
                .hasMessage("1 validation error detected: Value '" + token + REFUSED);
    }

    private static Record record(String key, long syncCount) {
        return new Record(new RecordKey(key), "v", new SyncCount(syncCount), Instant.EPOCH, "me", null);
    }
}
