package dev.syncshift.migrator.source;

import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;

/** Maps the SDK's Cognito Sync shapes onto core's. */
final class SourceRecordMapping {

    private SourceRecordMapping() {
    }

    static Record record(software.amazon.awssdk.services.cognitosync.model.Record wire) {
        return new Record(new RecordKey(wire.key()), wire.value(), new SyncCount(wire.syncCount()),
                wire.lastModifiedDate(), wire.lastModifiedBy() == null ? "" : wire.lastModifiedBy(),
                wire.deviceLastModifiedDate());
    }
}
