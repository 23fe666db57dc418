package dev.syncshift.client.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link LocalCache}, which every adapter's test extends. */
public abstract class LocalCacheContract {

    static final IdentityId ALICE = new IdentityId("us-east-1:0000000a-0000-4000-8000-000000000001");
    static final IdentityId BOB = new IdentityId("us-east-1:0000000b-0000-4000-8000-000000000002");
    static final DatasetKey PREFS = new DatasetKey(ALICE, new DatasetName("prefs"));
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

    protected LocalCache cache;

    /** A new, empty cache. */
    protected abstract LocalCache newCache();

    @BeforeEach
    void open() {
        cache = newCache();
    }

    @AfterEach
    void close() {
        cache.close();
    }

    static Map<RecordKey, String> values(String... keysAndValues) {
        Map<RecordKey, String> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(new RecordKey(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return values;
    }

    LocalRecord record(String key) {
        return cache.record(PREFS, new RecordKey(key)).orElseThrow();
    }

    @Test
    void aLocalEditIsModifiedKeepsItsBaseAndDatesTheDevice() {
        cache.putValues(PREFS, values("color", "blue"), NOW);

        assertThat(record("color")).isEqualTo(new LocalRecord(new RecordKey("color"), "blue", SyncCount.ZERO,
                Instant.EPOCH, null, NOW, true));
        assertThat(cache.modifiedRecords(PREFS)).hasSize(1);
        assertThat(cache.dataset(PREFS).orElseThrow().lastModifiedDate()).isEqualTo(NOW);
    }

    @Test
    void writingTheSameValueChangesNothing() {
        LocalRecord synced = new LocalRecord(new RecordKey("k"), "v", new SyncCount(3), NOW, ALICE.value(), NOW,
                false);
        cache.openDataset(PREFS, NOW);
        cache.putRecords(PREFS, List.of(synced));

        cache.putValues(PREFS, values("k", "v"), NOW.plusSeconds(5));

        assertThat(record("k")).isEqualTo(synced);
    }

    @Test
    void removingAnAbsentKeyLeavesAModifiedTombstone() {
        Map<RecordKey, String> removal = new HashMap<>();
        removal.put(new RecordKey("gone"), null);

        cache.putValues(PREFS, removal, NOW);

        assertThat(record("gone").isDeleted()).isTrue();
        assertThat(record("gone").modified()).isTrue();
    }

    @Test
    void aConditionalUpdateSkipsAChangedRecordOrRebasesIt() {
        cache.putValues(PREFS, values("k", "first"), NOW);
        LocalRecord read = record("k");
        cache.putValues(PREFS, values("k", "second"), NOW.plusSeconds(1));
        LocalRecord pushed = new LocalRecord(new RecordKey("k"), "first", new SyncCount(4), NOW, "me", NOW, false);

        List<RecordUpdate> skipped = cache.update(PREFS, List.of(new RecordUpdate(read, pushed, false)));
        List<RecordUpdate> rebased = cache.update(PREFS, List.of(new RecordUpdate(read, pushed, true)));

        assertThat(skipped).isEmpty();
        assertThat(rebased).isEmpty();
        assertThat(record("k").value()).isEqualTo("second");
        assertThat(record("k").modified()).isTrue();
        assertThat(record("k").syncCount()).isEqualTo(new SyncCount(4));
    }

    @Test
    void aConditionalUpdateOfAnUnchangedRecordStoresTheReplacement() {
        cache.putValues(PREFS, values("k", "v"), NOW);
        LocalRecord pushed = new LocalRecord(new RecordKey("k"), "v", new SyncCount(1), NOW, "me", NOW, false);

        List<RecordUpdate> stored = cache.update(PREFS, List.of(new RecordUpdate(record("k"), pushed, true)));

        assertThat(stored).hasSize(1);
        assertThat(record("k")).isEqualTo(pushed);
    }

    @Test
    void deleteMarksTheDatasetAndTheRemoteDeletionPurgesIt() {
        cache.putValues(PREFS, values("k", "v"), NOW);
        cache.setLastSyncCount(PREFS, new SyncCount(7), CountSpace.APPSYNC);

        cache.markDeleted(PREFS, NOW);
        assertThat(cache.dataset(PREFS).orElseThrow().deletedLocally()).isTrue();
        assertThat(cache.records(PREFS)).isEmpty();
        cache.remoteDeleted(PREFS);

        assertThat(cache.dataset(PREFS)).isEmpty();
    }

    @Test
    void writesAfterDeleteSurviveTheRemoteDeletionAsANewDataset() {
        cache.putValues(PREFS, values("k", "v"), NOW);
        cache.markDeleted(PREFS, NOW);
        cache.putValues(PREFS, values("after", "x"), NOW);

        cache.remoteDeleted(PREFS);

        LocalDataset left = cache.dataset(PREFS).orElseThrow();
        assertThat(left.deletedLocally()).isFalse();
        assertThat(left.lastSyncCount()).isEqualTo(SyncCount.ZERO);
        assertThat(record("after").modified()).isTrue();
    }

    @Test
    void aDatasetIsCountedByCognitoSyncUntilACountFromAnotherServiceIsSet() {
        cache.putValues(PREFS, values("k", "v"), NOW);
        assertThat(cache.dataset(PREFS).orElseThrow().countSpace()).isEqualTo(CountSpace.COGNITO_SYNC);

        cache.setLastSyncCount(PREFS, new SyncCount(4), CountSpace.APPSYNC);

        LocalDataset counted = cache.dataset(PREFS).orElseThrow();
        assertThat(counted.lastSyncCount()).isEqualTo(new SyncCount(4));
        assertThat(counted.countSpace()).isEqualTo(CountSpace.APPSYNC);
    }

    @Test
    void forgettingCountsZeroesThemKeepsLocalChangesAndDropsWhatTheNewServiceLacks() {
        Instant served = Instant.parse("2026-01-01T00:00:00Z");
        cache.putRecords(PREFS, List.of(
                new LocalRecord(new RecordKey("kept"), "old", new SyncCount(3), served, "me", served, false),
                new LocalRecord(new RecordKey("gone"), "old", new SyncCount(2), served, "me", served, false),
                new LocalRecord(new RecordKey("edited"), "mine", new SyncCount(5), served, "me", NOW, true),
                new LocalRecord(new RecordKey("new"), "mine", SyncCount.ZERO, Instant.EPOCH, null, NOW, true)));
        cache.openDataset(PREFS, NOW);
        cache.setLastSyncCount(PREFS, new SyncCount(5), CountSpace.COGNITO_SYNC);

        cache.forgetCounts(PREFS, CountSpace.APPSYNC, Set.of(new RecordKey("kept")));

        assertThat(cache.records(PREFS)).extracting(r -> r.key().value()).containsExactly("edited", "kept", "new");
        assertThat(cache.records(PREFS)).allMatch(r -> r.syncCount().equals(SyncCount.ZERO));
        assertThat(record("edited")).isEqualTo(new LocalRecord(new RecordKey("edited"), "mine", SyncCount.ZERO,
                served, "me", NOW, true));
        assertThat(record("kept").modified()).isFalse();
        LocalDataset dataset = cache.dataset(PREFS).orElseThrow();
        assertThat(dataset.lastSyncCount()).isEqualTo(SyncCount.ZERO);
        assertThat(dataset.countSpace()).isEqualTo(CountSpace.APPSYNC);
    }

    @Test
    void theUnknownIdentityMovesToTheFirstRealOneAndATakenNameGetsDotUnknown() {
        DatasetKey unknownPrefs = new DatasetKey(LocalCache.UNKNOWN_IDENTITY, new DatasetName("prefs"));
        DatasetKey unknownGame = new DatasetKey(LocalCache.UNKNOWN_IDENTITY, new DatasetName("game"));
        cache.putValues(unknownPrefs, values("a", "1"), NOW);
        cache.putValues(unknownGame, values("b", "2"), NOW);
        cache.putValues(PREFS, values("c", "3"), NOW);

        cache.changeIdentity(LocalCache.UNKNOWN_IDENTITY, ALICE);

        assertThat(cache.datasets(ALICE)).extracting(d -> d.key().datasetName().value())
                .containsExactly("game", "prefs", "prefs.unknown");
        assertThat(cache.datasets(LocalCache.UNKNOWN_IDENTITY)).isEmpty();
        assertThat(record("c").value()).isEqualTo("3");
    }

    @Test
    void anotherIdentitysDatasetsBecomeMergedCopiesSafelyTwice() {
        cache.putValues(PREFS, values("a", "1"), NOW);
        cache.setLastSyncCount(PREFS, new SyncCount(2), CountSpace.APPSYNC);
        cache.putValues(new DatasetKey(BOB, new DatasetName("prefs")), values("b", "2"), NOW);

        cache.changeIdentity(ALICE, BOB);
        cache.changeIdentity(ALICE, BOB);

        DatasetKey merged = new DatasetKey(BOB, new DatasetName("prefs." + ALICE.value()));
        assertThat(cache.dataset(merged).orElseThrow().lastSyncCount()).isEqualTo(new SyncCount(2));
        assertThat(cache.dataset(merged).orElseThrow().countSpace()).isEqualTo(CountSpace.APPSYNC);
        assertThat(cache.records(merged)).extracting(r -> r.value()).containsExactly("1");
        assertThat(cache.records(new DatasetKey(BOB, new DatasetName("prefs")))).hasSize(1);
    }

    /**
     * A second move of the same identity's data (a login followed in two managers of one cache file, or data the
     * identity got after its first move) merges into the merged copies the first one made: nothing is dropped.
     */
    @Test
    void aSecondMoveMergesIntoTheMergedCopyKeepingItsCountAndItsNewerEdit() {
        cache.putValues(PREFS, values("a", "1"), NOW);
        cache.setLastSyncCount(PREFS, new SyncCount(2), CountSpace.APPSYNC);
        cache.changeIdentity(ALICE, BOB);
        DatasetKey merged = new DatasetKey(BOB, new DatasetName("prefs." + ALICE.value()));
        cache.putValues(PREFS, values("a", "older", "b", "new"), NOW.minusSeconds(1));
        cache.putValues(merged, values("a", "newer"), NOW);

        cache.changeIdentity(ALICE, BOB);

        LocalDataset dataset = cache.dataset(merged).orElseThrow();
        assertThat(dataset.lastSyncCount()).isEqualTo(new SyncCount(2));
        assertThat(dataset.countSpace()).isEqualTo(CountSpace.APPSYNC);
        assertThat(cache.records(merged)).extracting(r -> r.key().value() + "=" + r.value() + ":" + r.modified())
                .containsExactly("a=newer:true", "b=new:true");
        assertThat(cache.datasets(ALICE)).isEmpty();
    }

    /**
     * Per key, a moved record meeting one of the target: an unsynced edit beats a synced copy, of two edits the later
     * one wins, and each keeps the base count it was made on.
     */
    @Test
    void aMovedRecordMeetingOneOfTheTargetKeepsTheUnsyncedEditOrTheLaterOfTwo() {
        DatasetKey merged = new DatasetKey(BOB, new DatasetName("prefs." + ALICE.value()));
        Instant served = NOW.minusSeconds(60);
        cache.openDataset(merged, NOW);
        cache.putRecords(merged, List.of(synced("edited there", 3, served), edit("synced there", 3, NOW),
                synced("both synced", 3, served), edit("later here", 3, NOW), edit("later there", 3, NOW)));
        cache.putRecords(PREFS, List.of(edit("edited there", 1, NOW), synced("synced there", 1, served),
                synced("both synced", 1, served), edit("later here", 1, NOW.plusSeconds(1)),
                edit("later there", 1, NOW.minusSeconds(1))));
        cache.openDataset(PREFS, NOW);

        cache.changeIdentity(ALICE, BOB);

        assertThat(cache.records(merged)).extracting(r -> r.key().value() + ":" + r.syncCount().value())
                .containsExactly("both synced:3", "edited there:1", "later here:1", "later there:3",
                        "synced there:3");
        assertThat(cache.records(merged)).filteredOn(LocalRecord::modified).extracting(LocalRecord::value)
                .containsOnly("edit");
    }

    @Test
    void aSecondMoveOfTheUnknownIdentityMergesIntoDotUnknown() {
        DatasetKey unknownPrefs = new DatasetKey(LocalCache.UNKNOWN_IDENTITY, new DatasetName("prefs"));
        DatasetKey dotUnknown = new DatasetKey(ALICE, new DatasetName("prefs.unknown"));
        cache.putValues(PREFS, values("a", "1"), NOW);
        cache.putValues(unknownPrefs, values("b", "first"), NOW);
        cache.changeIdentity(LocalCache.UNKNOWN_IDENTITY, ALICE);
        cache.setLastSyncCount(dotUnknown, new SyncCount(4), CountSpace.COGNITO_SYNC);
        cache.putValues(unknownPrefs, values("b", "second", "c", "3"), NOW.plusSeconds(1));

        cache.changeIdentity(LocalCache.UNKNOWN_IDENTITY, ALICE);

        assertThat(cache.dataset(dotUnknown).orElseThrow().lastSyncCount()).isEqualTo(new SyncCount(4));
        assertThat(cache.records(dotUnknown)).extracting(r -> r.key().value() + "=" + r.value())
                .containsExactly("b=second", "c=3");
    }

    static LocalRecord synced(String key, long count, Instant served) {
        return new LocalRecord(new RecordKey(key), "synced", new SyncCount(count), served, "them", served, false);
    }

    static LocalRecord edit(String key, long base, Instant made) {
        return new LocalRecord(new RecordKey(key), "edit", new SyncCount(base), Instant.EPOCH, null, made, true);
    }

    @Test
    void wipeTouchesOnlyOneIdentityAndForgetsIt() {
        IdentityPoolId pool = new IdentityPoolId("us-east-1:00000000-0000-4000-8000-000000000000");
        cache.rememberIdentity(pool, ALICE);
        cache.putValues(PREFS, values("a", "1"), NOW);
        DatasetKey bobs = new DatasetKey(BOB, new DatasetName("prefs"));
        cache.putValues(bobs, values("b", "2"), NOW);

        cache.wipe(ALICE);

        assertThat(cache.datasets(ALICE)).isEmpty();
        assertThat(cache.identity(pool)).isEmpty();
        assertThat(cache.records(bobs)).hasSize(1);
    }

    @Test
    void rememberedIdentitiesArePerPool() {
        IdentityPoolId pool = new IdentityPoolId("us-east-1:00000000-0000-4000-8000-000000000000");

        cache.rememberIdentity(pool, ALICE);
        cache.rememberIdentity(pool, BOB);

        assertThat(cache.identity(pool)).contains(BOB);
        assertThat(cache.identity(new IdentityPoolId("eu-west-1:00000000-0000-4000-8000-000000000000"))).isEmpty();
    }

    @Test
    void theFirstIdentityRememberedIsKept() {
        IdentityPoolId pool = new IdentityPoolId("us-east-1:00000000-0000-4000-8000-000000000000");

        IdentityId first = cache.rememberFirstIdentity(pool, ALICE);
        IdentityId second = cache.rememberFirstIdentity(pool, BOB);

        assertThat(first).isEqualTo(ALICE);
        assertThat(second).isEqualTo(ALICE);
        assertThat(cache.identity(pool)).contains(ALICE);
    }

    @Test
    void theRememberedIdentityComesWithItsCountOfWipes() {
        IdentityPoolId pool = new IdentityPoolId("us-east-1:00000000-0000-4000-8000-000000000000");
        cache.rememberIdentity(pool, ALICE);
        cache.wipe(ALICE);
        cache.rememberIdentity(pool, BOB);

        assertThat(cache.remembered(pool)).isEqualTo(new RememberedIdentity(BOB, cache.wipes(pool)));
    }

    @Test
    void aWriteUnlessMovedRunsWhileThePoolKeepsTheIdentityGivenIfAny() {
        IdentityPoolId pool = new IdentityPoolId("us-east-1:00000000-0000-4000-8000-000000000000");
        cache.rememberIdentity(pool, ALICE);
        long wipes = cache.wipes(pool);

        boolean kept = cache.writeUnlessMoved(pool, wipes, ALICE, () -> cache.putValues(PREFS, values("a", "1"), NOW));
        cache.rememberIdentity(pool, BOB);
        boolean moved = cache.writeUnlessMoved(pool, wipes, ALICE, () -> cache.putValues(PREFS, values("b", "2"), NOW));
        boolean unchecked = cache.writeUnlessMoved(pool, wipes, null,
                () -> cache.putValues(PREFS, values("c", "3"), NOW));

        assertThat(List.of(kept, moved, unchecked)).containsExactly(true, false, true);
        assertThat(cache.records(PREFS)).extracting(stored -> stored.key().value()).containsExactly("a", "c");
    }

    @Test
    void aWriteUnlessMovedMayWipeAndRememberInOneWrite() {
        IdentityPoolId pool = new IdentityPoolId("us-east-1:00000000-0000-4000-8000-000000000000");
        cache.putValues(PREFS, values("a", "1"), NOW);
        long wipes = cache.wipes(pool);

        boolean written = cache.writeUnlessMoved(pool, wipes, null, () -> {
            cache.rememberIdentity(pool, BOB);
            cache.wipe(ALICE);
        });

        assertThat(written).isTrue();
        assertThat(cache.identity(pool)).contains(BOB);
        assertThat(cache.records(PREFS)).isEmpty();
    }

    @Test
    void aClosedCacheRefusesUse() {
        cache.close();

        assertThatThrownBy(() -> cache.records(PREFS)).isInstanceOf(IllegalStateException.class);
    }
}
