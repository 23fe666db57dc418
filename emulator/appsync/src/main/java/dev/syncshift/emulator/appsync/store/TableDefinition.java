package dev.syncshift.emulator.appsync.store;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A DynamoDB table as a template declares it.
 *
 * @param tableName the physical table name
 * @param attributeTypes attribute name → {@code S}, {@code N} or {@code B}, for key attributes
 * @param partitionKey the hash key attribute
 * @param sortKey the range key attribute, or null
 * @param localIndexes local secondary indexes
 * @param globalIndexes global secondary indexes
 */
public record TableDefinition(
        String tableName,
        Map<String, String> attributeTypes,
        String partitionKey,
        @Nullable String sortKey,
        List<IndexDefinition> localIndexes,
        List<IndexDefinition> globalIndexes) {

    /** Copies the collections. */
    public TableDefinition {
        attributeTypes = Map.copyOf(attributeTypes);
        localIndexes = List.copyOf(localIndexes);
        globalIndexes = List.copyOf(globalIndexes);
    }

    /**
     * A secondary index.
     *
     * @param indexName the index name
     * @param partitionKey its hash key
     * @param sortKey its range key, or null
     * @param projectionType {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}
     * @param nonKeyAttributes projected attributes for {@code INCLUDE}
     */
    public record IndexDefinition(
            String indexName,
            String partitionKey,
            @Nullable String sortKey,
            String projectionType,
            List<String> nonKeyAttributes) {

        /** Copies the list. */
        public IndexDefinition {
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }
    }
}
