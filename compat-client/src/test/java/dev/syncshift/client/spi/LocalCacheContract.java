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
    void aClosedCacheRefusesUse() {
        cache.close();

        assertThatThrownBy(() -> cache.records(PREFS)).isInstanceOf(IllegalStateException.class);
    }
}
