package dev.syncshift.emulator.appsync;

import dev.syncshift.emulator.appsync.store.DataSourceResult;
import dev.syncshift.emulator.appsync.store.DynamoDbItemStore;
import dev.syncshift.emulator.appsync.store.ItemStore;
import dev.syncshift.emulator.appsync.store.TableDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An item store that is still opening (DynamoDB Local starting, tables being created) while the API is built. */
final class LazyItemStore implements ItemStore {

    private final CompletableFuture<DynamoDbItemStore> opening;

    LazyItemStore(CompletableFuture<DynamoDbItemStore> opening) {
        this.opening = opening;
    }

    void awaitOpen() {
        store();
    }

    private DynamoDbItemStore store() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public void createTables(List<TableDefinition> tables) {
        store().createTables(tables);
    }

    @Override
    public DataSourceResult execute(String table, Map<String, @Nullable Object> request) {
        return store().execute(table, request);
    }

    DynamoDbClient client() {
        return store().client();
    }

    @Override
    public void close() {
        opening.thenAccept(ItemStore::close);
    }
}
