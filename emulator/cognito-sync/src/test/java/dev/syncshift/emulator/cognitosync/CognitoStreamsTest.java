package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.SyncDataset.remove;
import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import software.amazon.awssdk.services.cognitosync.model.StreamingStatus;

/** Cognito Streams: what UpdateRecords and DeleteDataset put on the pool's stream, in the documented JSON. */
class CognitoStreamsTest {

    private static final StreamsFixture FIXTURE = new StreamsFixture();

    private String pool;
    private String identityId;
    private SyncDataset dataset;

    @BeforeEach
    void newDataset() {
        pool = Pools.newPool(FIXTURE.identity);
        identityId = Pools.newIdentity(FIXTURE.identity, pool);
        dataset = new SyncDataset(FIXTURE.sync, pool, identityId, "prefs");
    }

    @AfterAll
    static void stop() {
        FIXTURE.close();
    }

    @Test
    void anUpdateStreamsOneRecordWithTheRecordsItWrote() {
        FIXTURE.streaming(pool, "golden-updates", StreamingStatus.ENABLED);
        dataset.push(replace("color", "blue", 0), replace("size", "L", 0));

        dataset.push(replace("color", "red", 1).toBuilder()
                .deviceLastModifiedDate(Instant.parse("2026-01-01T00:00:00.123Z")).build(), remove("size", 1));

        List<String> streamed = FIXTURE.emulator.streamRecords("golden-updates");
        assertThat(streamed).hasSize(2);
        assertThat(anonymous(streamed.get(1)))
                .isEqualTo(StreamsFixture.golden("CognitoStreamsTest_anUpdateStreamsOneRecordWithTheRecordsItWrote"));
        assertThat(streamed.get(1)).startsWith("{\"identityPoolId\":\"" + pool + "\",\"identityId\":\"" + identityId
                + "\",\"datasetName\":\"prefs\",\"operation\":\"replace\",\"kinesisSyncRecords\":[");
    }

    @Test
    void deletingADatasetStreamsARemoveRecord() {
        FIXTURE.streaming(pool, "golden-deletes", StreamingStatus.ENABLED);
        dataset.push(replace("color", "blue", 0));

        dataset.delete();

        List<String> streamed = FIXTURE.emulator.streamRecords("golden-deletes");
        assertThat(streamed).hasSize(2);
        assertThat(anonymous(streamed.get(1)))
                .isEqualTo(StreamsFixture.golden("CognitoStreamsTest_deletingADatasetStreamsARemoveRecord"));
    }

    @Test
    void nothingIsStreamedWhileStreamingIsDisabled() {
        FIXTURE.streaming(pool, "quiet", StreamingStatus.ENABLED);
        dataset.push(replace("color", "blue", 0));

        FIXTURE.streaming(pool, "quiet", StreamingStatus.DISABLED);
        dataset.push(replace("color", "red", 1));
        dataset.push(new RecordPatch[0]);

        assertThat(FIXTURE.emulator.streamRecords("quiet")).hasSize(1);
        assertThat(FIXTURE.emulator.streamRecords("never-written")).isEmpty();
    }

    @Test
    void aRecordOverTheKinesisLimitCarriesAnS3Url() {
        FIXTURE.streaming(pool, "large", StreamingStatus.ENABLED);
        String value = "v".repeat(1024 * 1024 - 1);

        dataset.push(replace("k", value, 0));

        JsonNode record = StreamsFixture.json(FIXTURE.emulator.streamRecords("large").get(0));
        assertThat(record.get("payloadType").asText()).isEqualTo("S3Url");
        assertThat(record.get("kinesisSyncRecords").isNull()).isTrue();
        String url = record.get("kinesisSyncRecordsURL").asText();
        assertThat(url).isEqualTo("https://cognito-sync-streams.s3.amazonaws.com/large/" + pool + "/" + identityId
                + "/prefs/1.json");
        JsonNode payload = StreamsFixture.json(FIXTURE.emulator.streamPayload("large", url).orElseThrow());
        assertThat(payload).hasSize(1);
        assertThat(payload.get(0).get("key").asText()).isEqualTo("k");
        assertThat(payload.get(0).get("value").asText()).isEqualTo(value);
    }

    private JsonNode anonymous(String record) {
        return StreamsFixture.json(record.replace(pool, "<pool>").replace(identityId, "<identity>"));
    }
}
