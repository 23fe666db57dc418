package dev.syncshift.emulator.appsync;

import dev.syncshift.emulator.appsync.store.DataSourceResult;
import dev.syncshift.emulator.appsync.store.DynamoDbItemStore;
import dev.syncshift.emulator.appsync.store.ItemStore;
import dev.syncshift.emulator.appsync.store.TableDefinition;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An item store over a client someone else owns, for API instances built without the emulator around them. */
final class ClientItemStore implements ItemStore {

    private final Supplier<DynamoDbClient> client;

    ClientItemStore(Supplier<DynamoDbClient> client) {
        this.client = client;
    }

    @Override
    public void createTables(List<TableDefinition> tables) {
        // the owner of the client created them
    }

    @Override
    public DataSourceResult execute(String table, Map<String, @Nullable Object> request) {
        return DynamoDbItemStore.over(client.get()).execute(table, request);
    }

    @Override
    public void close() {
        // the owner closes the client
    }
}
