package dev.syncshift.core.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.SyncLimits;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SyncStoreLayoutTest {

    private static final IdentityId IDENTITY = new IdentityId("us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    private static final DatasetName DATASET = new DatasetName("game.state:v2");
    private static final String PARTITION = SyncStoreLayout.recordPartition(IDENTITY, DATASET, new SyncCount(12));
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");
    private static final String GRINNING = "\uD83D\uDE00";

    record Edge(String name, String key, String value) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Edge> edgeValues() {
        return Stream.of(
                new Edge("empty value", "k", ""),
                new Edge("unicode", "schlüssel ключ 鍵", "Grüße, мир, 世界"),
                new Edge("4-byte characters", GRINNING, GRINNING.repeat(1000)),
                new Edge("1,048,575-character value", "big", "v".repeat(SyncLimits.MAX_VALUE_CHARACTERS)),
                new Edge("1,024-character 4-byte key", GRINNING.repeat(SyncLimits.MAX_KEY_CHARACTERS), "x"),
                new Edge("worst-case piece: 3-byte characters under a 4-byte key",
                        GRINNING.repeat(SyncLimits.MAX_KEY_CHARACTERS), "\u20AC".repeat(300_000)),
                new Edge("surrogate pair on a piece boundary", "pair",
                        "a".repeat(SyncStoreLayout.CHUNK_UNITS - 1) + GRINNING + "b"),
                new Edge("key and value with # and the layout's prefixes", "C#1#K#x", "K#H#C#"),
                new Edge("tombstone", "gone", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeValues")
    void everyValueRoundTripsByteExact(Edge edge) {
        Record record = record(edge.key(), edge.value(), 7);

        List<Item> items = new ArrayList<>(RecordItems.toItems(PARTITION, record));
        Item head = items.remove(0);
        Collections.reverse(items);

        Record read = RecordItems.fromItems(head, items);
        assertThat(read).isEqualTo(record);
        if (edge.value() != null) {
            assertThat(read.value().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(edge.value().getBytes(StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeValues")
    void everyItemFitsDynamoDbLimits(Edge edge) {
        List<Item> items = RecordItems.toItems(PARTITION, record(edge.key(), edge.value(), 7));

        assertThat(items).allSatisfy(item -> {
            long withIndexEntry = item.has(SyncStoreLayout.SYNC_COUNT) ? 2 * item.sizeBytes() : item.sizeBytes();
            assertThat(withIndexEntry).isLessThanOrEqualTo(SyncStoreLayout.MAX_ITEM_BYTES);
            assertThat(item.string(SyncStoreLayout.SORT_KEY).getBytes(StandardCharsets.UTF_8))
                    .hasSizeLessThanOrEqualTo(SyncStoreLayout.MAX_SORT_KEY_BYTES);
        });
    }

    @Test
    void aMaximalValueNeedsSixteenPieces() {
        List<Item> items = RecordItems.toItems(PARTITION,
                record("big", "v".repeat(SyncLimits.MAX_VALUE_CHARACTERS), 3));

        assertThat(items).hasSize(16);
        assertThat(items.get(0).number(RecordItems.CHUNKS)).isEqualTo(16);
        assertThat(items.subList(1, 16)).extracting(i -> i.string(SyncStoreLayout.SORT_KEY))
                .startsWith("C#1#K#big", "C#2#K#big").endsWith("C#15#K#big");
        assertThat(items.subList(1, 16)).allSatisfy(chunk -> assertThat(chunk.has("syncCount")).isFalse());
    }

    record Named(String key, String sortKey) {
        @Override
        public String toString() {
            return sortKey.substring(0, Math.min(sortKey.length(), 20));
        }
    }

    static Stream<Named> sortKeys() {
        return Stream.of(
                new Named("a", "K#a"),
                new Named("é".repeat(500), "K#" + "é".repeat(500)),
                new Named("é".repeat(501), "H#85e81c706891a47e313a9f7d081c3462dfc72becb5b9c3744db7949f94676c06"),
                new Named("a".repeat(1001), "H#bb0381c13e0817201355e7d700b7623f0e985287add78712a11407c9f754efc8"),
                new Named(GRINNING.repeat(1024),
                        "H#cab5f314010847f1ffbd390d27debbb0e41d9c6000568afb78c48e8b1f5c44c7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void sortKeys(Named named) {
        assertThat(SyncStoreLayout.recordSortKey(new RecordKey(named.key()))).isEqualTo(named.sortKey());
    }

    @Test
    void keysAreDeterministicAndSeparated() {
        assertThat(SyncStoreLayout.identityPartition(IDENTITY))
                .isEqualTo("I#us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        assertThat(SyncStoreLayout.datasetSortKey(DATASET)).isEqualTo("D#game.state:v2");
        assertThat(PARTITION).isEqualTo("D#us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0#game.state:v2#12");
        assertThat(SyncStoreLayout.chunkSortKey("K#a", 3)).isEqualTo("C#3#K#a");
        assertThatThrownBy(() -> SyncStoreLayout.chunkSortKey("K#a", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void piecesNeverSplitASurrogatePair() {
        String value = "a".repeat(SyncStoreLayout.CHUNK_UNITS - 1) + GRINNING + "b";

        List<String> pieces = SyncStoreLayout.split(value);

        assertThat(pieces).extracting(String::length)
                .containsExactly(SyncStoreLayout.CHUNK_UNITS - 1, 3);
        assertThat(SyncStoreLayout.split("")).containsExactly("");
    }

    @Test
    void staleChunksAreThoseTheNewValueNoLongerUses() {
        RecordKey key = new RecordKey("big");

        assertThat(RecordItems.staleChunkSortKeys(key, 4, 2)).containsExactly("C#2#K#big", "C#3#K#big");
        assertThat(RecordItems.staleChunkSortKeys(key, 3, 0)).containsExactly("C#1#K#big", "C#2#K#big");
        assertThat(RecordItems.staleChunkSortKeys(key, 1, 3)).isEmpty();
    }

    @Test
    void aTornReadIsRefused() {
        List<Item> older = RecordItems.toItems(PARTITION, record("big", "x".repeat(150_000), 4));
        List<Item> newer = RecordItems.toItems(PARTITION, record("big", "y".repeat(150_000), 5));

        assertThatThrownBy(() -> RecordItems.fromItems(newer.get(0), older.subList(1, older.size())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is of revision 4, its head of 5");
        assertThatThrownBy(() -> RecordItems.fromItems(newer.get(0), List.of(newer.get(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 3 pieces but chunks [1]");
    }

    @Test
    void onlyAnImportsRevisionIsMarkedImportedOnItsHeadAlone() {
        List<Item> revision = RecordItems.toItems(PARTITION, record("big", "x".repeat(150_000), 4), true);
        Item pushed = RecordItems.toItems(PARTITION, record("big", "x".repeat(150_000), 4)).get(0);

        assertThat(RecordItems.imported(revision.get(0))).isTrue();
        assertThat(revision.subList(1, revision.size())).noneMatch(chunk -> chunk.has(RecordItems.IMPORTED));
        assertThat(RecordItems.imported(pushed)).isFalse();
        assertThat(pushed.has(RecordItems.IMPORTED)).isFalse();
        assertThat(RecordItems.fromItems(revision.get(0), revision.subList(1, revision.size())))
                .isEqualTo(record("big", "x".repeat(150_000), 4));
    }

    @Test
    void tombstonesCarryNoValueAndNoBytes() {
        Item head = RecordItems.toItems(PARTITION, record("gone", null, 9)).get(0);

        assertThat(head.has(RecordItems.VALUE)).isFalse();
        assertThat(head.flag(RecordItems.DELETED)).isTrue();
        assertThat(head.number(RecordItems.BYTES)).isZero();
        assertThat(RecordItems.pieces(head)).isZero();
    }

    @Test
    void datasetMetadataRoundTrips() {
        DatasetMetadata meta = new DatasetMetadata(new DatasetKey(IDENTITY, DATASET), NOW.minusSeconds(60), NOW,
                "device-1", 1234, 5, new SyncCount(42));
        StoredDataset imported = new StoredDataset(meta, false, new SyncCount(30), new SyncCount(40));
        StoredDataset bornHere = new StoredDataset(meta, true, SyncCount.ZERO, null);
        StoredDataset writingBack = imported.asRenumbered().importedAt(new SyncCount(41))
                .withWriteBack(new WriteBackMark(new SyncCount(40), new SyncCount(42)));

        assertThat(DatasetItems.fromItem(IDENTITY, DatasetItems.toItem(imported))).isEqualTo(imported);
        assertThat(DatasetItems.fromItem(IDENTITY, DatasetItems.toItem(bornHere))).isEqualTo(bornHere);
        assertThat(DatasetItems.fromItem(IDENTITY, DatasetItems.toItem(writingBack))).isEqualTo(writingBack);
        assertThat(DatasetItems.toItem(writingBack).number(DatasetItems.WRITE_BACK_FROM)).isEqualTo(40);
        assertThat(DatasetItems.toItem(imported).has(DatasetItems.WRITE_BACK_FROM)).isFalse();
        assertThat(DatasetItems.toItem(imported).string(SyncStoreLayout.PARTITION_KEY))
                .isEqualTo(SyncStoreLayout.identityPartition(IDENTITY));
    }

    @Test
    void aWriteBackMarkCoversDeveloperWritesAboveItsCountOverRecordsPushedAfterItsRead() {
        WriteBackMark mark = new WriteBackMark(new SyncCount(40), new SyncCount(12));
        String account = "123456789012";

        assertThat(mark.mayHaveOverwritten(new SyncCount(41), account, IDENTITY, new SyncCount(13))).isTrue();
        assertThat(mark.mayHaveOverwritten(new SyncCount(43), account, IDENTITY, new SyncCount(13)))
                .as("landed beside another write").isTrue();
        assertThat(mark.mayHaveOverwritten(new SyncCount(41), account, IDENTITY, new SyncCount(12)))
                .as("read by the write-back").isFalse();
        assertThat(mark.mayHaveOverwritten(new SyncCount(41), IDENTITY.value(), IDENTITY, new SyncCount(13)))
                .as("a device's own change").isFalse();
        assertThat(mark.mayHaveOverwritten(new SyncCount(40), account, IDENTITY, new SyncCount(13)))
                .as("imported before").isFalse();
        assertThat(mark.and(new WriteBackMark(new SyncCount(41), new SyncCount(15))))
                .as("marked again: the earlier write stays covered").isEqualTo(mark);
        assertThat(mark.and(new WriteBackMark(new SyncCount(39), new SyncCount(15))))
                .isEqualTo(new WriteBackMark(new SyncCount(39), new SyncCount(12)));
    }

    @Test
    void onlyALiveDatasetIsInTheLiveIndex() {
        DatasetMetadata meta = new DatasetMetadata(new DatasetKey(IDENTITY, DATASET), NOW, NOW, "device-1", 0, 0,
                new SyncCount(3));
        Item live = DatasetItems.toItem(new StoredDataset(meta, false, SyncCount.ZERO, null));
        Item deleted = DatasetItems.toItem(new StoredDataset(meta, true, new SyncCount(3), null));

        assertThat(live.string(SyncStoreLayout.LIVE_SORT_KEY)).isEqualTo(live.string(SyncStoreLayout.SORT_KEY));
        assertThat(deleted.has(SyncStoreLayout.LIVE_SORT_KEY)).isFalse();
    }

    @Test
    void typedGettersRefuseOtherTypes() {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put("n", new NumberAttribute(1));
        Item item = new Item(attributes);

        assertThatThrownBy(() -> item.string("n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> item.number("missing")).isInstanceOf(IllegalArgumentException.class);
        assertThat(item.flag("missing")).isFalse();
        assertThat(item.optionalString("missing")).isNull();
    }

    private static Record record(String key, String value, long syncCount) {
        return new Record(new RecordKey(key), value, new SyncCount(syncCount), NOW, "device-1",
                NOW.minusMillis(5));
    }
}
