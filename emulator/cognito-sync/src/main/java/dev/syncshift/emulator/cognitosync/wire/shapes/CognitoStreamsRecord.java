package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of one Cognito Streams Kinesis record (docs/cognito-sync.md#usage-push-sync-and-streams): camelCase
 * members, epoch-millisecond timestamps; inline records or, above the Kinesis record limit, an S3 URL to them.
 */
public record CognitoStreamsRecord(
        String identityPoolId,
        String identityId,
        String datasetName,
        String operation,
        @Nullable List<KinesisSyncRecord> kinesisSyncRecords,
        long lastModifiedDate,
        @Nullable String kinesisSyncRecordsURL,
        String payloadType,
        long syncCount) {
}
