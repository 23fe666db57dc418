package dev.syncshift.client.sync;

import dev.syncshift.client.DataConflictException;
import dev.syncshift.client.SyncConflict;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.LocalRecord;
import dev.syncshift.client.spi.RecordUpdate;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies pulled records to the cache. A record whose key holds a local change is: taken when the values agree (the
 * change is already on the service), left alone when the local change is based on that very version, and otherwise
 * a conflict for the app. Every write is conditional, so a change the app makes meanwhile survives.
 */
final class PulledRecords {

    private final LocalCache cache;
    private final SyncPass pass;

    PulledRecords(LocalCache cache, SyncPass pass) {
        this.cache = cache;
        this.pass = pass;
    }

    /**
     * Applies {@code pulled}, asking the app about conflicts; returns the records whose values the dataset took (a
     * local change re-based on the version it was already based on keeps its value, so it is not among them).
     */
    List<Record> apply(List<Record> pulled) {
        if (pulled.isEmpty()) {
            return List.of();
        }
        Map<RecordKey, LocalRecord> local = cache.records(pass.key()).stream()
                .collect(Collectors.toMap(LocalRecord::key, Function.identity()));
        List<RecordUpdate> updates = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        Set<RecordKey> rebased = new HashSet<>();
        for (Record remote : pulled) {
            LocalRecord mine = local.get(remote.key());
            if (mine == null || !mine.modified() || mine.sameValueAs(remote)) {
                updates.add(new RecordUpdate(mine, LocalRecord.synced(remote), false));
            } else if (sameVersion(mine, remote)) {
                updates.add(new RecordUpdate(mine, mine.rebasedOn(LocalRecord.synced(remote)), false));
                rebased.add(remote.key());
            } else if (!mine.syncCount().equals(remote.syncCount())) {
                conflicts.add(new Conflict(remote, mine));
            }
        }
        if (!conflicts.isEmpty()) {
            resolve(conflicts);
        }
        List<RecordUpdate> stored = cache.update(pass.key(), updates);
        Map<RecordKey, Record> byKey = pulled.stream().collect(Collectors.toMap(Record::key, Function.identity(),
                (first, later) -> first));
        return stored.stream().map(u -> u.replacement().key()).filter(k -> !rebased.contains(k))
                .map(k -> Objects.requireNonNull(byKey.get(k))).toList();
    }

    /**
     * Whether the local change is based on this very version, renumbered (a cutover import stamps Cognito changes
     * with a new AppSync count but keeps their date and writer): then it is not a conflict.
     */
    private static boolean sameVersion(LocalRecord mine, Record remote) {
        return !mine.lastModifiedDate().equals(Instant.EPOCH)
                && mine.lastModifiedDate().equals(remote.lastModifiedDate())
                && remote.lastModifiedBy().equals(mine.lastModifiedBy());
    }

    private void resolve(List<Conflict> conflicts) {
        pass.resolveConflicts(conflicts.stream().map(Conflict::toApi).toList());
        List<String> unresolved = conflicts.stream()
                .filter(c -> cache.record(pass.key(), c.remote().key())
                        .map(now -> now.modified() && !now.syncCount().equals(c.remote().syncCount()))
                        .orElse(false))
                .map(c -> c.remote().key().value()).toList();
        if (!unresolved.isEmpty()) {
            throw new DataConflictException("Conflicts were not resolved (call Dataset.resolve in onConflict): "
                    + unresolved);
        }
    }

    private record Conflict(Record remote, LocalRecord local) {
        SyncConflict toApi() {
            return new SyncConflict(Records.toApi(LocalRecord.synced(remote)), Records.toApi(local));
        }
    }
}
