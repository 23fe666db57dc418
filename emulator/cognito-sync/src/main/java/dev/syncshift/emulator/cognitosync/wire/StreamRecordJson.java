package dev.syncshift.emulator.cognitosync.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.syncshift.emulator.cognitosync.store.StoredStreamRecord;
import dev.syncshift.emulator.cognitosync.wire.shapes.CognitoStreamsRecord;
import dev.syncshift.emulator.cognitosync.wire.shapes.KinesisSyncRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes Cognito Streams records as the JSON Kinesis consumers read
 * (docs/cognito-sync.md#usage-push-sync-and-streams). A record whose inline form would exceed the Kinesis record limit
 * carries {@code payloadType: S3Url} and a URL instead; {@link #payload} gives what that URL would serve (a JSON array
 * of the records).
 */
public final class StreamRecordJson {

    /** The Kinesis record size limit, 1 MiB. */
    public static final int KINESIS_RECORD_LIMIT = 1024 * 1024;
    private static final String S3_BUCKET = "https://cognito-sync-streams.s3.amazonaws.com/";

    private final ObjectMapper mapper = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    /** The JSON of {@code record}: inline records, or an S3 URL above the Kinesis limit. */
    public String write(StoredStreamRecord record) {
        byte[] inline = bytes(event(record, records(record), null, "Inline"));
        if (inline.length <= KINESIS_RECORD_LIMIT) {
            return new String(inline, StandardCharsets.UTF_8);
        }
        return new String(bytes(event(record, null, url(record), "S3Url")), StandardCharsets.UTF_8);
    }

    /** The JSON array of {@code record}'s records, as its S3 URL serves it. */
    public String payload(StoredStreamRecord record) {
        return new String(bytes(records(record)), StandardCharsets.UTF_8);
    }

    /** The URL an S3Url record of {@code record} points to. */
    public static String url(StoredStreamRecord record) {
        return S3_BUCKET + record.streamName() + "/" + record.poolId() + "/" + record.dataset().identityId() + "/"
                + record.dataset().datasetName() + "/" + record.syncCount() + ".json";
    }

    private static List<KinesisSyncRecord> records(StoredStreamRecord record) {
        return record.records().stream().map(KinesisSyncRecord::of).toList();
    }

    private static CognitoStreamsRecord event(StoredStreamRecord record, @Nullable List<KinesisSyncRecord> inline,
            @Nullable String url, String payloadType) {
        return new CognitoStreamsRecord(record.poolId().value(), record.dataset().identityId().value(),
                record.dataset().datasetName().value(), record.operation(), inline,
                record.lastModifiedDate().toEpochMilli(), url, payloadType, record.syncCount());
    }

    private byte[] bytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stream records are always serialisable", e);
        }
    }
}
