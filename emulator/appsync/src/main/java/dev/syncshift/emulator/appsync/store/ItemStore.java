package dev.syncshift.emulator.appsync.store;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The items behind AMAZON_DYNAMODB data sources: DynamoDB Local in-process or any DynamoDB endpoint.
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
     * The client that data-source calls go through; it throws the SDK's {@code DynamoDbException} subclasses
     * exactly as DynamoDB reports them.
     *
     * @return the client, valid until {@link #close()}
     */
    DynamoDbClient client();

    /** Releases the client and, if embedded, DynamoDB Local. */
    @Override
    void close();
}
