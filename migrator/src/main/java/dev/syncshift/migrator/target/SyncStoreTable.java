package dev.syncshift.migrator.target;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.layout.BooleanAttribute;
import dev.syncshift.core.layout.CheckAction;
import dev.syncshift.core.layout.Condition;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.DeleteAction;
import dev.syncshift.core.layout.Item;
import dev.syncshift.core.layout.NumberAttribute;
import dev.syncshift.core.layout.PutAction;
import dev.syncshift.core.layout.RecordItems;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.StringAttribute;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.core.layout.WriteAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The sync-store table: core's layout items and write actions mapped one to one onto DynamoDB calls. Reads are
 * strongly consistent. Thread-safe (the SDK client is).
 */
public final class SyncStoreTable {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    /** The cancellation reason of an item DynamoDB cannot store (a value, key or size it refuses). */
    private static final String ITEM_REFUSED = "ValidationError";

    private final DynamoDbClient dynamoDb;
    private final String table;

    /** The table {@code table} through {@code dynamoDb}. */
    public SyncStoreTable(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** The table's name. */
    public String name() {
        return table;
    }

    /** The metadata items of every dataset of {@code identityId}, deleted ones included. */
    public Map<DatasetName, StoredDataset> datasets(IdentityId identityId) {
        Map<DatasetName, StoredDataset> datasets = new LinkedHashMap<>();
        query(SyncStoreLayout.identityPartition(identityId), "D#", item -> {
            StoredDataset dataset = DatasetItems.fromItem(identityId, item);
            datasets.put(dataset.metadata().key().datasetName(), dataset);
        });
        return datasets;
    }

    /** The records of a record partition (heads joined with their chunks), tombstones included, by key. */
    public Map<RecordKey, Record> records(String partition) {
        return stored(partition).byKey();
    }

    /** A record partition: its records, as {@link #records}, and which of them an import wrote as revisions. */
    public StoredRecords stored(String partition) {
        Map<String, Item> heads = new LinkedHashMap<>();
        Map<String, List<Item>> chunks = new HashMap<>();
        query(partition, null, item -> {
            String sortKey = item.string(SyncStoreLayout.SORT_KEY);
            if (sortKey.startsWith("C#")) {
                chunks.computeIfAbsent(sortKey.substring(sortKey.indexOf('#', 2) + 1), k -> new ArrayList<>())
                        .add(item);
            } else {
                heads.put(sortKey, item);
            }
        });
        Map<RecordKey, Record> records = new LinkedHashMap<>();
        Set<RecordKey> imported = new HashSet<>();
        heads.forEach((sortKey, head) -> {
            Record record = RecordItems.fromItems(head, chunks.getOrDefault(sortKey, List.of()));
            records.put(record.key(), record);
            if (RecordItems.imported(head)) {
                imported.add(record.key());
            }
        });
        return new StoredRecords(records, imported);
    }

    /**
     * Runs {@code actions} as one TransactWriteItems.
     *
     * @return empty when it was applied, else the index of every action whose condition failed
     * @throws UnstorableDatasetException when DynamoDB refused an item for what it holds
     */
    public Optional<List<Integer>> write(List<WriteAction> actions) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(actions.stream().map(this::toSdk).toList()));
            return Optional.empty();
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            List<Integer> failed = new ArrayList<>();
            for (int i = 0; i < reasons.size(); i++) {
                CancellationReason reason = reasons.get(i);
                if (ITEM_REFUSED.equals(reason.code())) {
                    throw new UnstorableDatasetException("DynamoDB refused to store it (" + ITEM_REFUSED + ": "
                            + reason.message() + "): it is not copied, or only in part");
                }
                if (CONDITION_FAILED.equals(reason.code())) {
                    failed.add(i);
                }
            }
            if (failed.isEmpty()) {
                throw cancelled;
            }
            return Optional.of(failed);
        }
    }

    private void query(String partition, @Nullable String sortKeyPrefix, Consumer<Item> each) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", SyncStoreLayout.PARTITION_KEY));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(partition)));
        String condition = "#pk = :pk";
        if (sortKeyPrefix != null) {
            condition += " AND begins_with(#sk, :prefix)";
            names.put("#sk", SyncStoreLayout.SORT_KEY);
            values.put(":prefix", AttributeValue.fromS(sortKeyPrefix));
        }
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values);
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse page = dynamoDb.query(request.build());
            page.items().forEach(item -> each.accept(fromSdk(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private TransactWriteItem toSdk(WriteAction action) {
        if (action instanceof PutAction put) {
            return TransactWriteItem.builder().put(p -> {
                p.tableName(table).item(toSdk(put.item()));
                if (put.condition() != null) {
                    p.conditionExpression(put.condition().expression())
                            .expressionAttributeNames(put.condition().names())
                            .expressionAttributeValues(nullIfEmpty(values(put.condition())));
                }
            }).build();
        }
        if (action instanceof DeleteAction delete) {
            return TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(key(delete.partitionKey(), delete.sortKey()))).build();
        }
        CheckAction check = (CheckAction) action;
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                .key(key(check.partitionKey(), check.sortKey()))
                .conditionExpression(check.condition().expression())
                .expressionAttributeNames(check.condition().names())
                .expressionAttributeValues(nullIfEmpty(values(check.condition())))).build();
    }

    private static Map<String, AttributeValue> key(String partition, String sort) {
        return Map.of(SyncStoreLayout.PARTITION_KEY, AttributeValue.fromS(partition),
                SyncStoreLayout.SORT_KEY, AttributeValue.fromS(sort));
    }

    private static Map<String, AttributeValue> values(Condition condition) {
        Map<String, AttributeValue> out = new HashMap<>();
        condition.values().forEach((name, value) -> out.put(name, toSdk(value)));
        return out;
    }

    private static @Nullable Map<String, AttributeValue> nullIfEmpty(Map<String, AttributeValue> values) {
        // DynamoDB refuses an empty ExpressionAttributeValues map; the SDK leaves out a null one.
        return values.isEmpty() ? null : values;
    }

    static Map<String, AttributeValue> toSdk(Item item) {
        Map<String, AttributeValue> out = new HashMap<>();
        item.attributes().forEach((name, value) -> out.put(name, toSdk(value)));
        return out;
    }

    private static AttributeValue toSdk(dev.syncshift.core.layout.AttributeValue value) {
        if (value instanceof StringAttribute s) {
            return AttributeValue.fromS(s.value());
        }
        if (value instanceof NumberAttribute n) {
            return AttributeValue.fromN(Long.toString(n.value()));
        }
        return AttributeValue.fromBool(((BooleanAttribute) value).value());
    }

    static Item fromSdk(Map<String, AttributeValue> item) {
        Map<String, dev.syncshift.core.layout.AttributeValue> out = new HashMap<>();
        item.forEach((name, value) -> out.put(name, switch (value.type()) {
            case S -> new StringAttribute(value.s());
            case N -> new NumberAttribute(Long.parseLong(value.n()));
            case BOOL -> new BooleanAttribute(value.bool());
            default -> throw new IllegalStateException("Not a layout attribute: " + name + " of type "
                    + value.type());
        }));
        return new Item(out);
    }
}
