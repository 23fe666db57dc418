package dev.syncshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SyncRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");

    record Rejected(String name, DatasetSnapshot given, List<RecordPatch> patches,
                    Class<? extends ContractViolationException> type, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rejected> rejectedPushes() {
        DatasetSnapshot atFive = snapshot(5, record("highScore", "100", 5), record("name", "ann", 2));
        return Stream.of(
                new Rejected("stale count", atFive, List.of(replace("highScore", "120", 4)),
                        ResourceConflictException.class, "Current SyncCount for: highScore is: 5 not: 4"),
                new Rejected("count ahead of the server", atFive, List.of(replace("highScore", "120", 6)),
                        ResourceConflictException.class, "Current SyncCount for: highScore is: 5 not: 6"),
                new Rejected("one stale patch among good ones", atFive,
                        List.of(replace("name", "bob", 2), replace("new", "x", 0), remove("highScore", 3)),
                        ResourceConflictException.class, "Current SyncCount for: highScore is: 5 not: 3"),
                new Rejected("new key with a nonzero count", atFive, List.of(replace("fresh", "x", 1)),
                        ResourceConflictException.class, "Current SyncCount for: fresh is: 0 not: 1"),
                new Rejected("same value still needs the current count", atFive,
                        List.of(replace("highScore", "100", 4)),
                        ResourceConflictException.class, "Current SyncCount for: highScore is: 5 not: 4"),
                new Rejected("duplicate key", atFive, List.of(replace("a", "1", 0), replace("a", "2", 0)),
                        InvalidParameterException.class, "Duplicate key in RecordPatches: a"),
                new Rejected("the 1,025th record", fullOf(1024, "v"), List.of(replace("one-more", "v", 0)),
                        LimitExceededException.class, "Number of records exceeds the limit of 1024 per dataset"),
                new Rejected("one byte past 1 MB", snapshot(1, record("big", "x".repeat(1024 * 1024 - 5), 1)),
                        List.of(replace("k", "ab", 0)),
                        LimitExceededException.class, "Dataset size of 1048577 bytes exceeds the limit of 1048576"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rejectedPushes(Rejected scenario) {
        assertThatThrownBy(() -> SyncRules.push(scenario.given(), scenario.patches(), "dev", NOW))
                .isExactlyInstanceOf(scenario.type())
                .hasMessage(scenario.message());
    }

    @Test
    void pushRaisesTheCountByOneAndStampsEveryChangedRecord() {
        DatasetSnapshot given = snapshot(5, record("highScore", "100", 5), record("name", "ann", 2));

        Push push = SyncRules.push(given, List.of(replace("highScore", "120", 5), remove("name", 2),
                replace("fresh", "", 0)), "device-1", NOW);

        assertThat(push.snapshot().syncCount()).isEqualTo(new SyncCount(6));
        assertThat(push.changed()).extracting(r -> r.key().value(), Record::value, r -> r.syncCount().value())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("highScore", "120", 6L),
                        org.assertj.core.groups.Tuple.tuple("name", null, 6L),
                        org.assertj.core.groups.Tuple.tuple("fresh", "", 6L));
        assertThat(push.changed()).allSatisfy(r -> {
            assertThat(r.lastModifiedBy()).isEqualTo("device-1");
            assertThat(r.lastModifiedDate()).isEqualTo(NOW);
        });
        assertThat(push.snapshot().liveRecords()).isEqualTo(2);
        assertThat(push.snapshot().storageBytes()).isEqualTo("highScore120".length() + "fresh".length());
    }

    @Test
    void tombstonesStayListedButDoNotCountTowardLimits() {
        DatasetSnapshot full = fullOf(1024, "v");
        Push removal = SyncRules.push(full, List.of(remove("k0", 1)), "dev", NOW);

        Push refill = SyncRules.push(removal.snapshot(), List.of(replace("another", "v", 0)), "dev", NOW);

        assertThat(refill.snapshot().liveRecords()).isEqualTo(1024);
        assertThat(refill.snapshot().changedAfter(new SyncCount(1))).extracting(r -> r.key().value())
                .containsExactly("k0", "another");
        assertThat(refill.snapshot().records().get(new RecordKey("k0")).isTombstone()).isTrue();
    }

    @Test
    void aRemovedKeyIsWrittenAgainWithTheCountOfItsRemoval() {
        DatasetSnapshot afterRemoval = snapshot(3, new Record(new RecordKey("k"), null, new SyncCount(3), NOW, "d",
                null));

        Push push = SyncRules.push(afterRemoval, List.of(replace("k", "back", 3)), "dev", NOW);

        assertThat(push.changed().get(0).value()).isEqualTo("back");
        assertThat(push.snapshot().syncCount().value()).isEqualTo(4);
    }

    @Test
    void anEmptyPushKeepsTheCount() {
        DatasetSnapshot given = snapshot(5, record("a", "1", 5));

        Push push = SyncRules.push(given, List.of(), "dev", NOW);

        assertThat(push.wroteRecords()).isFalse();
        assertThat(push.snapshot()).isSameAs(given);
    }

    @Test
    void changedAfterIsExclusiveAndOrderedByCountThenKey() {
        DatasetSnapshot given = snapshot(4, record("b", "1", 3), record("a", "1", 3), record("c", "1", 2),
                record("d", "1", 4));

        assertThat(given.changedAfter(new SyncCount(2))).extracting(r -> r.key().value())
                .containsExactly("a", "b", "d");
    }

    @Test
    void lastSyncCountMayNotPassTheDatasetCount() {
        assertThat(SyncRules.checkLastSyncCount(5, new SyncCount(5))).isEqualTo(new SyncCount(5));

        assertThatThrownBy(() -> SyncRules.checkLastSyncCount(37, new SyncCount(5)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("No such SyncCount: 37 exists for this Dataset");
        assertThatThrownBy(() -> SyncRules.checkLastSyncCount(-1, new SyncCount(5)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at 'lastSyncCount'");
    }

    @Test
    void theTwentyFirstDatasetIsRefused() {
        SyncLimits.checkCanCreateDataset(19);

        assertThatThrownBy(() -> SyncLimits.checkCanCreateDataset(20))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("Number of datasets exceeds the limit of 20 per identity");
    }

    @Test
    void mergedDatasetNamesAreRecognised() {
        DatasetName prefs = new DatasetName("prefs");
        IdentityId merged = new IdentityId("us-east-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b");

        assertThat(prefs.isMergedCopy(prefs.mergedFrom(merged))).isTrue();
        assertThat(prefs.isMergedCopy(new DatasetName("prefs.old"))).isFalse();
        assertThat(prefs.isMergedCopy(new DatasetName("prefsx"))).isFalse();
        assertThat(prefs.mergedFrom(merged).isMergedCopyName()).isTrue();
        assertThat(new DatasetName("settings.v2").isMergedCopyName()).isFalse();
        assertThat(new DatasetName(".us-east-1:0f1e").isMergedCopyName()).isFalse();
        assertThat(prefs.isMergedCopyName()).isFalse();
    }

    private static DatasetSnapshot fullOf(int records, String value) {
        Map<RecordKey, Record> all = IntStream.range(0, records).mapToObj(i -> record("k" + i, value, 1))
                .collect(Collectors.toMap(Record::key, r -> r));
        return new DatasetSnapshot(new SyncCount(1), all);
    }

    private static DatasetSnapshot snapshot(long count, Record... records) {
        return new DatasetSnapshot(new SyncCount(count),
                Stream.of(records).collect(Collectors.toMap(Record::key, r -> r)));
    }

    private static Record record(String key, String value, long count) {
        return new Record(new RecordKey(key), value, new SyncCount(count), NOW, "someone", null);
    }

    private static RecordPatch replace(String key, String value, long count) {
        return RecordPatch.replace(new RecordKey(key), value, new SyncCount(count));
    }

    private static RecordPatch remove(String key, long count) {
        return RecordPatch.remove(new RecordKey(key), new SyncCount(count));
    }
}
