package dev.syncshift.migrator.target;

import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.layout.RecordItems;
import java.util.Map;
import java.util.Set;

/**
 * A record partition as the store holds it.
 *
 * @param byKey its records, tombstones included, by key
 * @param imported the keys whose head an import wrote as an AppSync revision ({@link RecordItems#IMPORTED}): Cognito's
 *     changes at counts of the store's own, which a pass stopped before its last transaction leaves above the count
 *     its metadata says the last pass left it at
 */
public record StoredRecords(Map<RecordKey, Record> byKey, Set<RecordKey> imported) {

    /** A partition none of whose heads an import wrote as a revision. */
    public static StoredRecords of(Map<RecordKey, Record> byKey) {
        return new StoredRecords(byKey, Set.of());
    }
}
