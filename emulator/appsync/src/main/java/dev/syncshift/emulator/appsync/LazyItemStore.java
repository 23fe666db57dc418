package dev.syncshift.emulator.appsync;

import dev.syncshift.emulator.appsync.store.ItemStore;
import dev.syncshift.emulator.appsync.store.TableDefinition;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An item store that is still opening (DynamoDB Local starting, tables being created) while the API is built. */
final class LazyItemStore implements ItemStore {

    private final CompletableFuture<ItemStore> opening;

    LazyItemStore(CompletableFuture<ItemStore> opening) {
        this.opening = opening;
    }

    void awaitOpen() {
        store();
    }

    private ItemStore store() {
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
    public DynamoDbClient client() {
        return store().client();
    }

    @Override
    public void close() {
        opening.thenAccept(ItemStore::close);
    }
}
