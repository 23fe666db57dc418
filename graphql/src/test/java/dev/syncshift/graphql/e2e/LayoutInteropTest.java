package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.Patch.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.ImportTransactions;
import dev.syncshift.core.layout.Item;
import dev.syncshift.core.layout.RecordItems;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The migrator and the API share one store (the migrator writes DynamoDB directly): datasets written straight into the
 * emulator's table through the core layout ({@link ImportTransactions}, {@link DatasetItems}) read back through the
 * resolvers byte for byte, with their Cognito counts, dates and deletion generation; a re-run of the copy writes
 * nothing; and what the resolvers write on top reads back through the core layout's reader.
 */
class LayoutInteropTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    static final Instant CREATED = Instant.parse("2019-03-01T10:15:30.123Z");
    static final Instant MODIFIED = Instant.parse("2024-07-14T08:00:01.456Z");
    static final String GRIN = "\uD83D\uDE00";

    /** One row: a dataset as the migrator read it from Cognito Sync, and the generation it is copied into. */
    record Migration(String name, long generation, List<Record> records) {
        @Override
        public String toString() {
            return name;
        }

        long datasetSyncCount() {
            return records.stream().mapToLong(r -> r.syncCount().value()).max().orElse(0);
        }
    }

    static Stream<Migration> migrations() {
        return Stream.of(
                new Migration("small records, a tombstone and device dates", 0, List.of(
                        record("name", "Ada", 3, MODIFIED), record("score", "42", 7, null),
                        record("removed", null, 8, MODIFIED))),
                new Migration("a ~1 MB value of 4-byte characters in 16 pieces", 0, List.of(
                        record("save", "x" + GRIN.repeat(262_100), 12, null), record("small", "s", 2, null))),
                new Migration("a 1,024-character 4-byte key (hashed) with a chunked value", 0, List.of(
                        record(RoundTripTest.codePoints(1024), "é€".repeat(80_000), 5, MODIFIED))),
                new Migration("a dataset re-created after a deletion (generation 6)", 6, List.of(
                        record("after", "recreated", 9, null), record("again", "x", 11, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("migrations")
    void migratedDataReadsBackThroughTheResolvers(Migration migration, AppSyncEmulator emulator) {
        SyncOperations api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
        LayoutTable table = new LayoutTable(emulator.dynamoDb());
        Caller me = SyncshiftApi.freshUser();

        copy(table, me, migration);

        Answer pulled = api.listRecords(me, "migrated", 0);
        assertThat(pulled.ok()).as(abbreviated(pulled)).isTrue();
        JsonNode page = pulled.data("listRecords");
        assertThat(page.path("datasetSyncCount").asLong()).isEqualTo(migration.datasetSyncCount());
        assertThat(page.path("datasetDeletedAfterRequestedSyncCount").asBoolean()).isFalse();
        if (migration.generation() > 0) {
            assertThat(api.listRecords(me, "migrated", migration.generation() - 1).data("listRecords")
                    .path("datasetDeletedAfterRequestedSyncCount").asBoolean()).isTrue();
        }
        Map<String, JsonNode> byKey = new HashMap<>();
        page.path("records").forEach(r -> byKey.put(r.path("key").asText(), r));
        assertThat(byKey).hasSize(migration.records().size());
        migration.records().forEach(record -> assertSameRecord(byKey.get(record.key().value()), record));
        // listed, and so counted towards the 20-datasets limit: the migrator's item is in the live-datasets index
        assertThat(api.listDatasets(me).data("listDatasets").findValuesAsText("datasetName"))
                .containsExactly("migrated");
        JsonNode described = api.describeDataset(me, "migrated").data("describeDataset");
        assertThat(described.path("numRecords").asLong()).isEqualTo(live(migration).count());
        assertThat(described.path("dataStorage").asLong())
                .isEqualTo(live(migration).mapToLong(Record::storageBytes).sum());
        assertThat(described.path("sourceWatermark").asLong()).isEqualTo(migration.datasetSyncCount());
        Record newest = migration.records().stream().max(Comparator.comparing(Record::syncCount)).orElseThrow();
        assertThat(api.listRecords(me, "migrated", newest.syncCount().value() - 1).data("listRecords")
                .path("records").get(0).path("key").asText()).isEqualTo(newest.key().value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("migrations")
    void aReRunWritesNothingAndResolverWritesReadBackThroughTheLayout(Migration migration,
            AppSyncEmulator emulator) {
        SyncOperations api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
        LayoutTable table = new LayoutTable(emulator.dynamoDb());
        Caller me = SyncshiftApi.freshUser();
        copy(table, me, migration);
        Record first = migration.records().get(0);

        assertThatThrownBy(() -> table.transact(copyActions(me, migration, first)))
                .isInstanceOf(TransactionCanceledException.class);
        Answer pushed = api.updateRecords(me, "migrated", put(first.key().value(), "pushed " + GRIN,
                first.syncCount().value()));

        assertThat(pushed.ok()).as(abbreviated(pushed)).isTrue();
        long pushedCount = migration.datasetSyncCount() + 1;
        assertThat(pushed.data("updateRecords").path("datasetSyncCount").asLong()).isEqualTo(pushedCount);
        String partition = SyncStoreLayout.recordPartition(identity(me), new DatasetName("migrated"),
                new SyncCount(migration.generation()));
        String sortKey = SyncStoreLayout.recordSortKey(first.key());
        Item head = table.query(partition, sortKey).get(0);
        Record read = RecordItems.fromItems(head, table.query(partition, "C#"));
        assertThat(read.value()).isEqualTo("pushed " + GRIN);
        assertThat(read.syncCount()).isEqualTo(new SyncCount(pushedCount));
        StoredDataset meta = DatasetItems.fromItem(identity(me), table.query(
                SyncStoreLayout.identityPartition(identity(me)), SyncStoreLayout.datasetSortKey(
                        new DatasetName("migrated"))).get(0));
        assertThat(meta.metadata().syncCount()).isEqualTo(new SyncCount(pushedCount));
        assertThat(meta.generation()).isEqualTo(new SyncCount(migration.generation()));
    }

    /** Records as the migrator's copy writes them (never over a newer head), the metadata item last. */
    private static void copy(LayoutTable table, Caller me, Migration migration) {
        migration.records().forEach(record -> table.transact(copyActions(me, migration, record)));
        DatasetMetadata metadata = new DatasetMetadata(new DatasetKey(identity(me), new DatasetName("migrated")),
                CREATED, MODIFIED, "cognito-device", live(migration).mapToLong(Record::storageBytes).sum(),
                live(migration).count(), new SyncCount(migration.datasetSyncCount()));
        table.put(DatasetItems.toItem(new StoredDataset(metadata, false, new SyncCount(migration.generation()),
                new SyncCount(migration.datasetSyncCount()))));
    }

    private static List<dev.syncshift.core.layout.WriteAction> copyActions(Caller me, Migration migration,
            Record record) {
        return ImportTransactions.recordActions(SyncStoreLayout.recordPartition(identity(me),
                new DatasetName("migrated"), new SyncCount(migration.generation())), record,
                ImportTransactions.olderThan(record.syncCount()), 0);
    }

    private static void assertSameRecord(JsonNode actual, Record expected) {
        assertThat(actual.path("key").asText().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(expected.key().value().getBytes(StandardCharsets.UTF_8));
        if (expected.isTombstone()) {
            assertThat(actual.path("value").isNull()).isTrue();
            assertThat(actual.path("deleted").asBoolean()).isTrue();
        } else {
            assertThat(actual.path("value").asText().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(expected.value().getBytes(StandardCharsets.UTF_8));
            assertThat(actual.path("deleted").asBoolean()).isFalse();
        }
        assertThat(actual.path("syncCount").asLong()).isEqualTo(expected.syncCount().value());
        assertThat(ApiDates.read(actual.path("lastModifiedDate"))).isEqualTo(expected.lastModifiedDate());
        assertThat(actual.path("lastModifiedBy").asText()).isEqualTo(expected.lastModifiedBy());
        assertThat(ApiDates.readNullable(actual.path("deviceLastModifiedDate")))
                .isEqualTo(expected.deviceLastModifiedDate());
    }

    private static Stream<Record> live(Migration migration) {
        return migration.records().stream().filter(r -> !r.isTombstone());
    }

    private static IdentityId identity(Caller me) {
        return new IdentityId(me.identityId());
    }

    private static Record record(String key, String value, long syncCount, Instant device) {
        return new Record(new RecordKey(key), value, new SyncCount(syncCount), MODIFIED, "cognito-device", device);
    }

    private static String abbreviated(Answer answer) {
        String text = answer.body().toString();
        return text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
    }
}
