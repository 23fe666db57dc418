package dev.syncshift.graphql.e2e;

import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.Item;
import dev.syncshift.core.layout.RecordItems;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The DynamoDB calls the resolver pipelines make, made directly on the same DynamoDB Local with the same item
 * shapes: the baseline of the benchmark (BENCHMARK.md, "DynamoDB calls per API operation"; the benchmark's dataset
 * exists and was never deleted). listRecords = readIdentity's Query of the dataset's name range in the LSI
 * liveDatasets + queryChanges' LSI Query; updateRecords = readRecords' TransactGetItems of the heads and the metadata
 * + writePush's TransactWriteItems; syncDataset = readRecords' TransactGetItems + readIdentity's name-range Query in
 * liveDatasets (the page's merged datasets) + the TransactWriteItems (the benchmark's caller is up to date, so the
 * page is the records written and queryChanges makes no Query).
 */
final class DirectCalls {

    private final LayoutTable table;
    private final DynamoDbClient dynamoDb;
    private final IdentityId identity;
    private final DatasetName dataset;
    private final String partition;
    private StoredDataset stored;
    private final long[] counts;
    private final int pushed;

    /** Pushes change {@code pushed} consecutive records of the dataset, as {@link ApiCalls}' do. */
    DirectCalls(LayoutTable table, DynamoDbClient dynamoDb, IdentityId identity, DatasetName dataset,
            StoredDataset stored, int pushed) {
        this.pushed = pushed;
        this.table = table;
        this.dynamoDb = dynamoDb;
        this.identity = identity;
        this.dataset = dataset;
        this.stored = stored;
        this.partition = SyncStoreLayout.recordPartition(identity, dataset, stored.generation());
        this.counts = new long[(int) stored.metadata().numRecords()];
        Arrays.fill(counts, 1);
    }

    void list() {
        readNameRange();
        int found = queryChanges(0);
        if (found != counts.length) {
            throw new AssertionError("listed " + found + " records");
        }
    }

    void update(int round) {
        push(round, "update ", false);
    }

    void sync(int round) {
        push(round, "sync ", true);
    }

    private void push(int round, String prefix, boolean page) {
        List<Integer> changed = ApiCalls.changed(round, pushed, counts.length);
        List<TransactGetItem> reads = new ArrayList<>();
        changed.forEach(r -> reads.add(get(partition, SyncStoreLayout.recordSortKey(new RecordKey("r" + r)))));
        reads.add(get(SyncStoreLayout.identityPartition(identity), SyncStoreLayout.datasetSortKey(dataset)));
        dynamoDb.transactGetItems(b -> b.transactItems(reads));
        if (page) {
            readNameRange();
        }
        SyncCount next = new SyncCount(stored.metadata().syncCount().value() + 1);
        Instant now = Instant.now();
        DatasetMetadata meta = stored.metadata();
        StoredDataset after = new StoredDataset(new DatasetMetadata(meta.key(), meta.creationDate(), now,
                identity.value(), meta.dataStorage(), meta.numRecords(), next), false, stored.generation(), null);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(conditionedPut(DatasetItems.toItem(after), meta.syncCount().value()));
        changed.forEach(r -> writes.add(conditionedPut(RecordItems.toItems(partition, new Record(
                new RecordKey("r" + r), prefix + round, next, now, identity.value(), null)).get(0), counts[r])));
        dynamoDb.transactWriteItems(b -> b.transactItems(writes));
        changed.forEach(r -> counts[r] = next.value());
        stored = after;
    }

    private TransactWriteItem conditionedPut(Item item, long expected) {
        return TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(LayoutTable.toSdk(item))
                .conditionExpression("#sc = :expected").expressionAttributeNames(Map.of("#sc", "syncCount"))
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expected)))))
                .build();
    }

    private TransactGetItem get(String pk, String sk) {
        return TransactGetItem.builder().get(g -> g.tableName(table.name())
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).build();
    }

    /**
     * readIdentity for listRecords and syncDataset: the live part of the dataset's name range in the LSI liveDatasets
     * (its metadata and the datasets merged into it).
     */
    private void readNameRange() {
        String from = SyncStoreLayout.datasetSortKey(dataset);
        dynamoDb.query(b -> b.tableName(table.name()).indexName(SyncStoreLayout.LIVE_INDEX).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", "pk", "#sk", SyncStoreLayout.LIVE_SORT_KEY))
                .expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS(SyncStoreLayout.identityPartition(identity)),
                        ":from", AttributeValue.fromS(from), ":to", AttributeValue.fromS(from + "/"))));
    }

    private int queryChanges(long lastSyncCount) {
        return dynamoDb.query(b -> b.tableName(table.name()).indexName(SyncStoreLayout.SYNC_COUNT_INDEX)
                .consistentRead(true).limit(1024).scanIndexForward(true)
                .keyConditionExpression("#pk = :pk AND #sc > :n")
                .expressionAttributeNames(Map.of("#pk", "pk", "#sc", "syncCount"))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition),
                        ":n", AttributeValue.fromN(Long.toString(lastSyncCount))))).count();
    }
}
