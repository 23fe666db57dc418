package dev.syncshift.migrator.target;

import dev.syncshift.core.RecordKey;
import java.util.HashSet;
import java.util.Set;

/**
 * What the attempts of one dataset's import read from Cognito Sync and what of theirs the store applied. An attempt
 * cut short when the store moved keeps what it committed; the next one, planned from a fresh read, finds those
 * records already there, or, reading after a watermark another writer moved meanwhile, does not read them at all.
 * Not thread-safe: one import's.
 */
final class ImportAttempts {

    private final Set<RecordKey> read = new HashSet<>();
    private final Set<RecordKey> written = new HashSet<>();
    private long bytes;
    private long transactions;

    /** Notes the records an attempt read and planned with. */
    void read(Set<RecordKey> keys) {
        read.addAll(keys);
    }

    /** Notes a transaction the store applied. */
    void committed(PlannedTransaction transaction) {
        transactions++;
        for (PlannedTransaction.Write write : transaction.writes()) {
            if (!RevisionPlanner.migratorsRemoval(write.record())) {
                written.add(write.record().key());
            }
            bytes += write.record().storageBytes();
        }
    }

    /** Records read that an attempt wrote, each counted once however many attempts wrote it. */
    long recordsWritten() {
        return written.stream().filter(read::contains).count();
    }

    /** How many of {@code keys} no attempt wrote. */
    long unwritten(Set<RecordKey> keys) {
        return keys.stream().filter(key -> !written.contains(key)).count();
    }

    /** Records earlier attempts read that {@code last}, the final attempt's read, does not hold. */
    long readBefore(Set<RecordKey> last) {
        return read.stream().filter(key -> !last.contains(key)).count();
    }

    /** UTF-8 bytes of the keys and values written, a record written twice counted twice. */
    long bytes() {
        return bytes;
    }

    /** Transactions the store applied. */
    long transactions() {
        return transactions;
    }
}
