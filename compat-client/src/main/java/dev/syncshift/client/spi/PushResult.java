package dev.syncshift.client.spi;

import dev.syncshift.core.Record;
import dev.syncshift.core.SyncCount;
import java.util.Comparator;
import java.util.List;

/**
 * What a push wrote.
 *
 * @param records the records the service stored, each with its new count
 * @param parts how many pushes it took (one unless the remote split a push that was too large for one call)
 */
public record PushResult(List<Record> records, int parts) {

    /** Copies the list. */
    public PushResult {
        records = List.copyOf(records);
    }

    /** The highest count stamped, zero when nothing was written. */
    public SyncCount syncCount() {
        return records.stream().map(Record::syncCount).max(Comparator.naturalOrder()).orElse(SyncCount.ZERO);
    }
}
