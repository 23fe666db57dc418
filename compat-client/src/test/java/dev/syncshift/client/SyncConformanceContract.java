package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static dev.syncshift.client.RecordingCallback.syncFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.InvalidParameterException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance suite: one table of scenarios, each written once against the client API, run unchanged by every
 * backend's subclass. What an app can observe (values, counts, dates, writers, deletions) must be the same.
 */
@ExtendWith(EmulatorsExtension.class)
abstract class SyncConformanceContract {

    /** The backend under test. */
    abstract Backend backend();

    /** A named scenario. */
    record Scenario(String name, Body body) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What a scenario does and checks. */
    @FunctionalInterface
    interface Body {
        void run(World world);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario scenario, Emulators emulators) {
        try (World world = new World(emulators, backend())) {
            scenario.body().run(world);
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("put, synchronize, and a second device reads values, counts, dates and writer",
                        SyncConformanceContract::putAndRead),
                new Scenario("a conflict resolved with the remote record", w -> conflict(w, "remote")),
                new Scenario("a conflict resolved with the local record", w -> conflict(w, "local")),
                new Scenario("a conflict resolved with a new value", w -> conflict(w, "value")),
                new Scenario("a conflict left unresolved fails, keeping the local edit and the count",
                        SyncConformanceContract::unresolvedConflict),
                new Scenario("delete, then re-create the dataset", SyncConformanceContract::deleteAndRecreate),
                new Scenario("another device learns of a deletion", SyncConformanceContract::remoteDeletion),
                new Scenario("a device whose only changes are new keys learns of a deletion before it pushes",
                        w -> remoteDeletionBeforeNewKeys(w, 1)),
                new Scenario("the same with more new keys than one push holds",
                        w -> remoteDeletionBeforeNewKeys(w, 150)),
                new Scenario("offline edits, then one synchronize pushes them all",
                        SyncConformanceContract::offlineEdits),
                new Scenario("two devices edit different keys and converge", SyncConformanceContract::converge),
                new Scenario("an edit equal to the remote value is not a conflict",
                        SyncConformanceContract::sameValueBothSides),
                new Scenario("removals travel as deleted records", SyncConformanceContract::removals),
                new Scenario("bad keys and over-limit datasets fail before any network call",
                        SyncConformanceContract::limits),
                new Scenario("a push over 99 records", SyncConformanceContract::largePush),
                new Scenario("a conflict in the last part of a push over 99 records",
                        SyncConformanceContract::conflictInLargePush),
                new Scenario("an edit made while a synchronize runs is kept and pushed by the next one",
                        SyncConformanceContract::editDuringSync),
                new Scenario("a 21st dataset is refused by the service as a limit",
                        SyncConformanceContract::datasetLimit),
                new Scenario("twenty new datasets synchronized at once, as an app's first start does",
                        SyncConformanceContract::creationsAtOnce));
    }

    static void putAndRead(World world) {
        CognitoSyncManager a = world.newDevice();
        Dataset prefs = a.openOrCreateDataset("prefs");
        prefs.put("color", "blue");
        prefs.putAll(Map.of("size", "L", "empty", ""));

        List<Record> pulled = sync(prefs);

        assertThat(pulled).isEmpty();
        assertThat(prefs.getLastSyncCount()).isEqualTo(1);
        assertThat(prefs.isChanged("color")).isFalse();
        Dataset other = world.sameIdentity(a).openOrCreateDataset("prefs");
        assertThat(sync(other)).extracting(Record::getKey).containsExactlyInAnyOrder("color", "size", "empty");
        assertThat(other.getAll()).isEqualTo(Map.of("color", "blue", "size", "L", "empty", ""));
        Record color = other.getRecord("color");
        assertThat(color.getSyncCount()).isEqualTo(1);
        assertThat(color.getLastModifiedBy()).isEqualTo(a.getIdentityId());
        assertThat(color.getLastModifiedDate()).isEqualTo(prefs.getRecord("color").getLastModifiedDate());
        assertThat(color.getDeviceLastModifiedDate()).isEqualTo(prefs.getRecord("color").getDeviceLastModifiedDate());
        assertThat(other.getLastSyncCount()).isEqualTo(1);
    }

    /** Two devices of one new identity, both synchronized after the first wrote {@code initial}. */
    static Dataset[] twoDevices(World world, String name, Map<String, String> initial) {
        CognitoSyncManager a = world.newDevice();
        Dataset mine = a.openOrCreateDataset(name);
        mine.putAll(initial);
        sync(mine);
        Dataset theirs = world.sameIdentity(a).openOrCreateDataset(name);
        sync(theirs);
        return new Dataset[] {mine, theirs};
    }

    static void conflict(World world, String how) {
        Dataset[] devices = twoDevices(world, "game", Map.of("level", "1"));
        Dataset mine = devices[0];
        Dataset theirs = devices[1];
        theirs.put("level", "2");
        sync(theirs);
        mine.put("level", "3");
        RecordingCallback callback = new RecordingCallback().resolvingWith(switch (how) {
            case "remote" -> SyncConflict::resolveWithRemoteRecord;
            case "local" -> SyncConflict::resolveWithLocalRecord;
            default -> c -> c.resolveWithValue("4");
        });

        mine.synchronize(callback);

        callback.succeeded();
        assertThat(callback.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.getRemoteRecord().getValue()).isEqualTo("2");
            assertThat(c.getLocalRecord().getValue()).isEqualTo("3");
        });
        String expected = switch (how) {
            case "remote" -> "2";
            case "local" -> "3";
            default -> "4";
        };
        assertThat(mine.get("level")).isEqualTo(expected);
        assertThat(mine.isChanged("level")).isFalse();
        sync(theirs);
        assertThat(theirs.get("level")).isEqualTo(expected);
        assertThat(theirs.getLastSyncCount()).isEqualTo(mine.getLastSyncCount());
    }

    /**
     * A conflict the app leaves unresolved ends in {@code DataConflictException}; the local edit stays, and so does the
     * count of the last synchronize, the one a later pull starts from, whatever the backend tried in between.
     */
    static void unresolvedConflict(World world) {
        Dataset[] devices = twoDevices(world, "game", Map.of("level", "1", "coins", "1"));
        Dataset mine = devices[0];
        Dataset theirs = devices[1];
        mine.put("coins", "2");
        sync(mine);
        sync(theirs);
        theirs.put("level", "2");
        sync(theirs);
        mine.put("level", "3");
        RecordingCallback unresolved = new RecordingCallback().leavingConflictsUnresolved();

        mine.synchronize(unresolved);

        assertThat(unresolved.failed()).isInstanceOf(DataConflictException.class).hasMessageContaining("level");
        assertThat(unresolved.conflicts()).extracting(SyncConflict::getKey).containsExactly("level");
        assertThat(mine.get("level")).isEqualTo("3");
        assertThat(mine.isChanged("level")).isTrue();
        assertThat(mine.getLastSyncCount()).isEqualTo(2);
        RecordingCallback resolved = new RecordingCallback();
        mine.synchronize(resolved);
        resolved.succeeded();
        sync(theirs);
        assertThat(theirs.get("level")).isEqualTo("3");
        assertThat(theirs.getLastSyncCount()).isEqualTo(mine.getLastSyncCount()).isEqualTo(4);
    }

    static void deleteAndRecreate(World world) {
        CognitoSyncManager a = world.newDevice();
        Dataset notes = a.openOrCreateDataset("notes");
        notes.put("a", "1");
        sync(notes);
        notes.put("b", "2");
        sync(notes);
        long before = notes.getLastSyncCount();

        notes.delete();
        assertThat(notes.getAll()).isEmpty();
        assertThat(notes.getLastSyncCount()).as("a deletion waiting for the synchronize, as on AWS").isEqualTo(-1);
        sync(notes);

        assertThat(a.getDatasetMetadata("notes")).isNull();
        assertThat(notes.getLastSyncCount()).isZero();
        Dataset again = a.openOrCreateDataset("notes");
        again.put("c", "3");
        sync(again);
        sync(again);
        assertThat(again.getAll()).isEqualTo(Map.of("c", "3"));
        assertThat(again.getLastSyncCount()).isGreaterThan(before);
        Dataset other = world.sameIdentity(a).openOrCreateDataset("notes");
        sync(other);
        assertThat(other.getAll()).isEqualTo(Map.of("c", "3"));
    }

    /** {@link #twoDevices} holding {@code k = v}, the second of which then deleted the dataset and synchronized. */
    static Dataset[] deletedByTheSecond(World world, String name) {
        Dataset[] devices = twoDevices(world, name, Map.of("k", "v"));
        devices[1].delete();
        sync(devices[1]);
        return devices;
    }

    static void remoteDeletion(World world) {
        Dataset theirs = deletedByTheSecond(world, "shared")[0];

        RecordingCallback keep = new RecordingCallback().keepingLocalOnRemoteDeletion();
        theirs.synchronize(keep);
        assertThat(keep.failed().getMessage()).isEqualTo("Manual cancel");
        assertThat(keep.deletedDataset()).isEqualTo("shared");
        assertThat(theirs.get("k")).isEqualTo("v");

        RecordingCallback drop = new RecordingCallback();
        theirs.synchronize(drop);
        assertThat(drop.succeeded()).isEmpty();
        assertThat(theirs.getAll()).isEmpty();
        assertThat(theirs.getLastSyncCount()).isZero();
    }

    /**
     * A device that synced before another device deleted the dataset, with new keys only: it is asked about the
     * deletion before anything is pushed, and whichever way the app answers, the service keeps the dataset deleted.
     */
    static void remoteDeletionBeforeNewKeys(World world, int newKeys) {
        Dataset[] devices = deletedByTheSecond(world, "stale");
        Dataset mine = devices[0];
        Dataset deleter = devices[1];
        Map<String, String> added = new HashMap<>();
        for (int i = 0; i < newKeys; i++) {
            added.put("x" + i, "new key " + i);
        }
        mine.putAll(added);

        RecordingCallback keep = new RecordingCallback().keepingLocalOnRemoteDeletion();
        mine.synchronize(keep);
        assertThat(keep.failed().getMessage()).isEqualTo("Manual cancel");
        assertThat(keep.deletedDataset()).isEqualTo("stale");
        added.put("k", "v");
        assertThat(mine.getAll()).isEqualTo(added);
        assertThat(mine.isChanged("x0")).isTrue();
        assertThat(sync(deleter)).as("what the service holds").isEmpty();

        RecordingCallback drop = new RecordingCallback();
        mine.synchronize(drop);
        assertThat(drop.succeeded()).isEmpty();
        assertThat(drop.deletedDataset()).isEqualTo("stale");
        assertThat(mine.getAll()).isEmpty();
        assertThat(mine.getLastSyncCount()).isZero();
        assertThat(sync(deleter)).as("what the service holds").isEmpty();
        assertThat(deleter.getAll()).isEmpty();
    }

    static void offlineEdits(World world) {
        CognitoSyncManager a = world.newDevice();
        Dataset d = a.openOrCreateDataset("offline");
        for (int i = 0; i < 30; i++) {
            d.put("k" + i, "v" + i);
        }
        d.put("k0", "changed");
        d.remove("k1");

        sync(d);

        assertThat(d.getLastSyncCount()).isEqualTo(1);
        assertThat(d.getAllRecords()).noneMatch(Record::isModified);
        Dataset other = world.sameIdentity(a).openOrCreateDataset("offline");
        sync(other);
        assertThat(other.getAll()).hasSize(29).containsEntry("k0", "changed").doesNotContainKey("k1");
    }

    static void converge(World world) {
        CognitoSyncManager a = world.newDevice();
        Dataset one = a.openOrCreateDataset("both");
        one.put("a", "1");
        sync(one);
        Dataset two = world.sameIdentity(a).openOrCreateDataset("both");
        two.put("b", "2");
        sync(two);
        one.put("c", "3");

        sync(one);
        sync(two);

        Map<String, String> expected = Map.of("a", "1", "b", "2", "c", "3");
        assertThat(one.getAll()).isEqualTo(expected);
        assertThat(two.getAll()).isEqualTo(expected);
        assertThat(one.getLastSyncCount()).isEqualTo(two.getLastSyncCount()).isEqualTo(3);
    }

    static void sameValueBothSides(World world) {
        Dataset[] devices = twoDevices(world, "same", Map.of("k", "x"));
        Dataset one = devices[0];
        Dataset two = devices[1];
        two.put("k", "y");
        sync(two);
        one.put("k", "y");
        RecordingCallback callback = new RecordingCallback();

        one.synchronize(callback);

        callback.succeeded();
        assertThat(callback.conflicts()).isEmpty();
        assertThat(one.isChanged("k")).isFalse();
        assertThat(one.getRecord("k").getSyncCount()).isEqualTo(2);
    }

    static void removals(World world) {
        Dataset[] devices = twoDevices(world, "rm", Map.of("a", "1", "b", "2"));
        Dataset one = devices[0];
        Dataset two = devices[1];
        one.remove("a");
        one.remove("never");
        sync(one);

        sync(two);

        assertThat(two.getAll()).isEqualTo(Map.of("b", "2"));
        assertThat(two.getRecord("a").isDeleted()).isTrue();
        assertThat(two.getRecord("a").getSyncCount()).isEqualTo(2);
        assertThat(two.getRecord("never").isDeleted()).isTrue();
        assertThat(two.getSizeInBytes("a")).isEqualTo(1);
    }

    static void limits(World world) {
        Dataset d = world.newDevice().openOrCreateDataset("limits");
        assertThatThrownBy(() -> d.put("k".repeat(1025), "v")).isInstanceOf(InvalidParameterException.class)
                .hasMessage("1 validation error detected: Value '" + "k".repeat(256) + "...' at 'key' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 1024");
        assertThatThrownBy(() -> d.put(null, "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.put("long", "x".repeat(1_048_576))).isInstanceOf(InvalidParameterException.class)
                .hasMessageEndingWith("at 'value' failed to satisfy constraint: Member must have length less than "
                        + "or equal to 1048575");
        // Half an emoji cannot reach AppSync (UTF-8 has no form for it), so no backend takes it.
        assertThatThrownBy(() -> d.put("title", "cut \ud83d")).isInstanceOf(InvalidParameterException.class)
                .hasMessage("1 validation error detected: Value 'cut \\uD83D' at 'value' failed to satisfy "
                        + "constraint: Member must be valid Unicode, without an unpaired surrogate, U+D83D, at "
                        + "character 5");
        assertThatThrownBy(() -> d.putAll(Map.of("\udc00", "v"))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at 'key'");
        assertThatThrownBy(() -> d.resolve(List.of(new Record.Builder("title").value("cut \ud83d").modified(true)
                .build()))).isInstanceOf(InvalidParameterException.class).hasMessageContaining("at 'value'");
        d.put("emoji", "whole \ud83d\ude00");
        assertThat(d.getRecord("\udc00")).isNull();
        assertThatThrownBy(() -> world.newDevice().openOrCreateDataset("bad name"))
                .isInstanceOf(InvalidParameterException.class);
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 1025; i++) {
            many.put("k" + i, "v");
        }
        d.putAll(many);

        DataStorageException failure = syncFailure(d);

        assertThat(failure).isInstanceOf(DataLimitExceededException.class)
                .hasMessage("Number of records exceeds the limit of 1024 per dataset");
        assertThat(d.get("emoji")).isEqualTo("whole \ud83d\ude00");
        assertThat(d.getLastSyncCount()).isZero();
    }

    static void editDuringSync(World world) {
        AtomicReference<Runnable> hook = new AtomicReference<>(() -> { });
        CognitoSyncManager a = world.hooked(() -> hook.getAndSet(() -> { }).run());
        Dataset d = a.openOrCreateDataset("race");
        d.put("k", "first");
        hook.set(() -> d.put("k", "second"));

        sync(d);
        assertThat(d.get("k")).isEqualTo("second");
        assertThat(d.isChanged("k")).isTrue();
        RecordingCallback next = new RecordingCallback();
        d.synchronize(next);

        next.succeeded();
        assertThat(next.conflicts()).isEmpty();
        assertThat(d.isChanged("k")).isFalse();
        Dataset other = world.sameIdentity(a).openOrCreateDataset("race");
        sync(other);
        assertThat(other.get("k")).isEqualTo("second");
    }

    static void datasetLimit(World world) {
        CognitoSyncManager a = world.newDevice();
        for (int i = 0; i < 20; i++) {
            Dataset d = a.openOrCreateDataset("d" + i);
            d.put("k", "v");
            sync(d);
        }
        Dataset extra = a.openOrCreateDataset("d20");
        extra.put("k", "v");
        DataStorageException failure = syncFailure(extra);

        assertThat(failure).isInstanceOf(DataLimitExceededException.class)
                .hasMessageContaining("Number of datasets exceeds the limit of 20 per identity");
        assertThat(extra.isChanged("k")).isTrue();
    }

    static void creationsAtOnce(World world) {
        CognitoSyncManager a = world.newDevice();
        List<CompletableFuture<List<Record>>> synchronizes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Dataset d = a.openOrCreateDataset("at-once-" + i);
            d.put("k", "v" + i);
            synchronizes.add(d.synchronizeAsync());
        }

        assertThat(synchronizes).allSatisfy(done -> assertThat(done).succeedsWithin(Duration.ofMinutes(1)));
        CognitoSyncManager b = world.sameIdentity(a);
        b.refreshDatasetMetadata();
        assertThat(b.listDatasets()).extracting(DatasetMetadata::getDatasetName).hasSize(20)
                .allMatch(name -> name.startsWith("at-once-"));
    }

    static void largePush(World world) {
        CognitoSyncManager a = world.newDevice();
        Dataset d = a.openOrCreateDataset("large");
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < 250; i++) {
            values.put("key-" + i, "value-" + i);
        }
        d.putAll(values);

        sync(d);

        assertThat(d.getAllRecords()).noneMatch(Record::isModified);
        Dataset other = world.sameIdentity(a).openOrCreateDataset("large");
        sync(other);
        assertThat(other.getAll()).isEqualTo(values);
        assertThat(other.getLastSyncCount()).isEqualTo(d.getLastSyncCount());
    }

    /**
     * A push over 99 records whose conflict is in its last part (on AppSync the earlier parts are stored first): the
     * app is asked about that key alone, and {@code onSuccess} reports only records whose values the dataset took,
     * never a version a kept local change was based on.
     */
    static void conflictInLargePush(World world) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < 150; i++) {
            values.put(String.format("key-%03d", i), "old");
        }
        Dataset[] devices = twoDevices(world, "large", values);
        Dataset mine = devices[0];
        Dataset theirs = devices[1];
        theirs.put("key-140", "theirs");
        sync(theirs);
        values.replaceAll((k, v) -> "mine");
        mine.putAll(values);
        RecordingCallback callback = new RecordingCallback();

        mine.synchronize(callback);

        List<Record> updated = callback.succeeded();
        assertThat(callback.conflicts()).extracting(SyncConflict::getKey).containsExactly("key-140");
        assertThat(updated).allSatisfy(r -> assertThat(r.getValue()).as(r.getKey()).isEqualTo(mine.get(r.getKey())));
        assertThat(mine.getAll()).isEqualTo(values);
        assertThat(mine.getAllRecords()).noneMatch(Record::isModified);
        sync(theirs);
        assertThat(theirs.getAll()).isEqualTo(values);
        assertThat(theirs.getLastSyncCount()).isEqualTo(mine.getLastSyncCount());
    }
}
