package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** UpdateRecords' body. */
public record UpdateRecordsRequest(
        @Nullable String deviceId, @Nullable List<RecordPatchShape> recordPatches, @Nullable String syncSessionToken) {
}
