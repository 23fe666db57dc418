package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.SyncDataset.remove;
import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.model.AlreadyStreamedException;
import software.amazon.awssdk.services.cognitosync.model.BulkPublishStatus;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;
import software.amazon.awssdk.services.cognitosync.model.DuplicateRequestException;
import software.amazon.awssdk.services.cognitosync.model.GetBulkPublishDetailsResponse;
import software.amazon.awssdk.services.cognitosync.model.StreamingStatus;

/**
 * BulkPublish and GetBulkPublishDetails: the publish runs when its status is next read; one at a time; one success
 * per 24 hours (on a clock the test moves).
 */
class BulkPublishTest {

    private static final StreamsFixture FIXTURE = new StreamsFixture();

    private String pool;
    private String stream;

    @BeforeEach
    void poolWithData() {
        pool = Pools.newPool(FIXTURE.identity);
        stream = "bulk-" + pool;
        SyncDataset first = new SyncDataset(FIXTURE.sync, pool, Pools.newIdentity(FIXTURE.identity, pool), "prefs");
        first.push(replace("color", "blue", 0), replace("size", "L", 0));
        first.push(remove("size", 1));
        first.other("gone").push(replace("a", "b", 0));
        first.other("gone").delete();
        new SyncDataset(FIXTURE.sync, pool, Pools.newIdentity(FIXTURE.identity, pool), "game")
                .push(replace("level", "3", 0));
        FIXTURE.streaming(pool, stream, StreamingStatus.ENABLED);
    }

    @AfterAll
    static void stop() {
        FIXTURE.close();
    }

    @Test
    void aPoolThatNeverPublishedReportsNotStarted() {
        GetBulkPublishDetailsResponse details = details();

        assertThat(details.identityPoolId()).isEqualTo(pool);
        assertThat(details.bulkPublishStatus()).isEqualTo(BulkPublishStatus.NOT_STARTED);
        assertThat(details.bulkPublishStartTime()).isNull();
        assertThat(details.bulkPublishCompleteTime()).isNull();
        assertThat(details.failureMessage()).isNull();
    }

    @Test
    void aBulkPublishPutsEveryExistingDatasetOnTheStreamWhenItsStatusIsRead() {
        assertThat(FIXTURE.sync.bulkPublish(r -> r.identityPoolId(pool)).identityPoolId()).isEqualTo(pool);
        assertThat(FIXTURE.emulator.streamRecords(stream)).isEmpty();

        GetBulkPublishDetailsResponse details = details();

        assertThat(details.bulkPublishStatus()).isEqualTo(BulkPublishStatus.SUCCEEDED);
        assertThat(details.bulkPublishStartTime()).isEqualTo(FIXTURE.clock.instant());
        assertThat(details.bulkPublishCompleteTime()).isEqualTo(FIXTURE.clock.instant());
        assertThat(details.failureMessage()).isNull();
        List<JsonNode> streamed = FIXTURE.emulator.streamRecords(stream).stream().map(StreamsFixture::json).toList();
        assertThat(streamed).extracting(record -> record.get("datasetName").asText())
                .containsExactlyInAnyOrder("prefs", "game");
        JsonNode prefs = streamed.stream().filter(r -> r.get("datasetName").asText().equals("prefs")).findFirst()
                .orElseThrow();
        assertThat(prefs.get("operation").asText()).isEqualTo("replace");
        assertThat(prefs.get("syncCount").asLong()).isEqualTo(2);
        assertThat(prefs.get("kinesisSyncRecords")).hasSize(1);
        assertThat(prefs.get("kinesisSyncRecords").get(0).get("key").asText()).isEqualTo("color");
        assertThat(details()).isNotNull();
        assertThat(FIXTURE.emulator.streamRecords(stream)).hasSize(2);
    }

    @Test
    void onlyOneBulkPublishRunsAtATime() {
        FIXTURE.sync.bulkPublish(r -> r.identityPoolId(pool));

        assertThatThrownBy(() -> FIXTURE.sync.bulkPublish(r -> r.identityPoolId(pool)))
                .isInstanceOfSatisfying(DuplicateRequestException.class, e -> assertRefused(e,
                        "A bulk publish is already in progress for identity pool '" + pool + "'."));
        assertThat(details().bulkPublishStatus()).isEqualTo(BulkPublishStatus.SUCCEEDED);
    }

    @Test
    void anotherSucceedsOnlyTwentyFourHoursAfterTheLastSuccessStarted() {
        FIXTURE.sync.bulkPublish(r -> r.identityPoolId(pool));
        details();
        FIXTURE.clock.advance(Duration.ofHours(24).minusMillis(1));

        assertThatThrownBy(() -> FIXTURE.sync.bulkPublish(r -> r.identityPoolId(pool)))
                .isInstanceOfSatisfying(AlreadyStreamedException.class, e -> assertRefused(e,
                        "A bulk publish of identity pool '" + pool + "' already succeeded in the last 24 hours."));
        FIXTURE.clock.advance(Duration.ofMillis(1));
        FIXTURE.sync.bulkPublish(r -> r.identityPoolId(pool));
        assertThat(details().bulkPublishStartTime()).isEqualTo(FIXTURE.clock.instant());
    }

    @Test
    void aBulkPublishFailsWhenStreamingIsSwitchedOffBeforeItRunsAndMayBeRetriedAtOnce() {
        FIXTURE.sync.bulkPublish(r -> r.identityPoolId(pool));
        FIXTURE.streaming(pool, stream, StreamingStatus.DISABLED);

        GetBulkPublishDetailsResponse failed = details();
        FIXTURE.streaming(pool, stream, StreamingStatus.ENABLED);
        FIXTURE.sync.bulkPublish(r -> r.identityPoolId(pool));

        assertThat(failed.bulkPublishStatus()).isEqualTo(BulkPublishStatus.FAILED);
        assertThat(failed.failureMessage()).isEqualTo("Cognito Streams was disabled before the bulk publish ran.");
        assertThat(failed.bulkPublishCompleteTime()).isNull();
        assertThat(details().bulkPublishStatus()).isEqualTo(BulkPublishStatus.SUCCEEDED);
    }

    private GetBulkPublishDetailsResponse details() {
        return FIXTURE.sync.getBulkPublishDetails(r -> r.identityPoolId(pool));
    }

    private static void assertRefused(CognitoSyncException e, String message) {
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(e.getClass().getSimpleName());
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
}
