package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.Operation;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.RecordPatch;
import dev.syncshift.core.SyncCount;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Cognito Sync {@code RecordPatch}: Op, Key and SyncCount are required. */
public record RecordPatchShape(
        @Nullable String op,
        @Nullable String key,
        @Nullable String value,
        @Nullable Long syncCount,
        @Nullable Instant deviceLastModifiedDate) {

    /** The patch, validated against the model. */
    public RecordPatch toPatch() {
        Operation operation = Operation.fromWire(Constraints.required("op", op));
        RecordKey recordKey = new RecordKey(Constraints.required("key", key));
        SyncCount count = new SyncCount(Constraints.required("syncCount", syncCount));
        return new RecordPatch(operation, recordKey, value, count, deviceLastModifiedDate);
    }
}
