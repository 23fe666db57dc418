package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.List;

/** UpdateRecords' result: the records written, with their new SyncCount. */
public record UpdateRecordsResponse(List<RecordShape> records) {
}
