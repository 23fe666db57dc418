package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordPatch;
import dev.syncshift.emulator.cognitosync.rules.RecordRules;
import dev.syncshift.emulator.cognitosync.rules.RecordsPage;
import dev.syncshift.emulator.cognitosync.wire.shapes.ListRecordsResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.RecordPatchShape;
import dev.syncshift.emulator.cognitosync.wire.shapes.RecordShape;
import dev.syncshift.emulator.cognitosync.wire.shapes.UpdateRecordsRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.UpdateRecordsResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ListRecords and UpdateRecords on the wire.
 *
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_ListRecords.html">ListRecords</a>
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_UpdateRecords.html">UpdateRecords</a>
 *     (docs/cognito-sync.md#sync-counts)
 */
final class RecordsHandler {

    private final RecordRules rules;

    RecordsHandler(RecordRules rules) {
        this.rules = rules;
    }

    ListRecordsResponse listRecords(WireRequest request) {
        RecordsPage page = rules.listRecords(request.caller(), pool(request), dataset(request),
                QueryParams.longValue(request, "lastSyncCount"), request.query("nextToken"),
                QueryParams.intValue(request, "maxResults"), request.query("syncSessionToken"));
        List<RecordShape> records = page.records().stream().map(RecordShape::of).toList();
        return new ListRecordsResponse(records, page.nextToken(), records.size(), page.datasetSyncCount().value(),
                page.lastModifiedBy(), page.mergedDatasetNames(), page.datasetExists(),
                page.deletedAfterRequestedSyncCount(), page.syncSessionToken());
    }

    UpdateRecordsResponse updateRecords(WireRequest request) {
        UpdateRecordsRequest body = request.body(UpdateRecordsRequest.class);
        IdentityPoolId pool = pool(request);
        DatasetKey dataset = dataset(request);
        List<Record> written = rules.updateRecords(request.caller(), pool, dataset, body.deviceId(),
                patches(body.recordPatches()), body.syncSessionToken());
        return new UpdateRecordsResponse(written.stream().map(RecordShape::of).toList());
    }

    static IdentityPoolId pool(WireRequest request) {
        return new IdentityPoolId(request.path("IdentityPoolId"));
    }

    static DatasetKey dataset(WireRequest request) {
        return new DatasetKey(new IdentityId(request.path("IdentityId")),
                new DatasetName(request.path("DatasetName")));
    }

    private static List<RecordPatch> patches(@Nullable List<RecordPatchShape> shapes) {
        return shapes == null ? List.of() : shapes.stream().map(RecordPatchShape::toPatch).toList();
    }
}
