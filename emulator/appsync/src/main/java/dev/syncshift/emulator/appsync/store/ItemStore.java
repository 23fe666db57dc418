package dev.syncshift.emulator.appsync.store;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The items behind AMAZON_DYNAMODB data sources: DynamoDB Local in-process or any DynamoDB endpoint, reached only
 * through AppSync's DynamoDB request objects (no client is handed out).
 * Thread-safe.
 */
public interface ItemStore extends AutoCloseable {

    /**
     * Creates the tables that do not exist yet and waits until they are active.
     *
     * @param tables the tables a template declares
     */
    void createTables(List<TableDefinition> tables);

    /**
     * Executes one of AppSync's DynamoDB request objects (AWS docs
     * {@code js-aws-appsync-resolver-reference-dynamodb-*}: {@code GetItem}, {@code PutItem}, {@code UpdateItem},
     * {@code DeleteItem}, {@code Query}, {@code Scan}, the batch and transaction operations) as a DynamoDB data source
     * does.
     *
     * @param table the data source's table
     * @param request the request object a handler returned, as plain values
     * @return the result in AppSync's shapes, or the failure as {@code ctx.error} ({@code DynamoDB:<exception>})
     */
    DataSourceResult execute(String table, Map<String, @Nullable Object> request);

    /** Releases the client and, if embedded, DynamoDB Local. */
    @Override
    void close();
}
