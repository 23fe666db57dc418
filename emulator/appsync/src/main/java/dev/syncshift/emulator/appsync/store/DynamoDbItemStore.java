package dev.syncshift.emulator.appsync.store;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** An {@link ItemStore} over a DynamoDB client: an endpoint, or DynamoDB Local started in-process. */
public final class DynamoDbItemStore implements ItemStore {

    private final DynamoDbClient client;
    private final DynamoDbDataSource dataSource;
    private final @Nullable AutoCloseable owner;
    private final boolean closesClient;

    private DynamoDbItemStore(DynamoDbClient client, @Nullable AutoCloseable owner, boolean closesClient) {
        this.client = client;
        this.dataSource = new DynamoDbDataSource(client);
        this.owner = owner;
        this.closesClient = closesClient;
    }

    /**
     * Works through a client the caller owns, e.g. one from DynamoDB Local that the caller started in a class loader
     * of its own. {@link #close()} leaves the client open.
     *
     * @param client the caller's client
     * @return the store
     */
    public static DynamoDbItemStore over(DynamoDbClient client) {
        return new DynamoDbItemStore(client, null, false);
    }

    /**
     * Connects to a DynamoDB endpoint (DynamoDB Local, or anything speaking its protocol).
     *
     * @param endpoint e.g. {@code http://127.0.0.1:8000}
     * @param region the signing region
     * @return the store
     */
    public static DynamoDbItemStore connect(URI endpoint, String region) {
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                // the emulator's own DynamoDB, never through a proxy the environment names for the machine's calls
                .httpClient(UrlConnectionHttpClient.builder()
                        .proxyConfiguration(ProxyConfiguration.builder().useEnvironmentVariablesValues(false)
                                .useSystemPropertyValues(false).build())
                        .build())
                .build();
        return new DynamoDbItemStore(client, null, true);
    }

    /**
     * Starts DynamoDB Local in this JVM (in memory). DynamoDB Local must be on the class path.
     *
     * @return the store
     * @throws IllegalStateException when DynamoDB Local is not on the class path
     */
    public static DynamoDbItemStore embedded() {
        EmbeddedDynamoDb embedded = EmbeddedDynamoDb.start();
        return new DynamoDbItemStore(embedded.client(), embedded, true);
    }

    @Override
    public void createTables(List<TableDefinition> tables) {
        for (TableDefinition table : tables) {
            try {
                client.createTable(createRequest(table));
            } catch (ResourceInUseException alreadyThere) {
                continue;
            }
            client.waiter().waitUntilTableExists(b -> b.tableName(table.tableName()));
        }
    }

    @Override
    public DataSourceResult execute(String table, Map<String, @Nullable Object> request) {
        return dataSource.execute(table, request);
    }

    /**
     * The client underneath, for the emulator's owner to seed or inspect tables (not for the API's rules).
     *
     * @return the client, valid until {@link #close()} (or the caller's own, for {@link #over})
     */
    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        if (closesClient) {
            client.close();
        }
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop DynamoDB Local", e);
            }
        }
    }

    private static CreateTableRequest createRequest(TableDefinition table) {
        CreateTableRequest.Builder builder = CreateTableRequest.builder()
                .tableName(table.tableName())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes(table.attributeTypes()))
                .keySchema(keys(table.partitionKey(), table.sortKey()));
        if (!table.localIndexes().isEmpty()) {
            builder.localSecondaryIndexes(table.localIndexes().stream().map(i -> LocalSecondaryIndex.builder()
                    .indexName(i.indexName()).keySchema(keys(i.partitionKey(), i.sortKey()))
                    .projection(projection(i)).build()).toList());
        }
        if (!table.globalIndexes().isEmpty()) {
            builder.globalSecondaryIndexes(table.globalIndexes().stream().map(i -> GlobalSecondaryIndex.builder()
                    .indexName(i.indexName()).keySchema(keys(i.partitionKey(), i.sortKey()))
                    .projection(projection(i)).build()).toList());
        }
        return builder.build();
    }

    private static List<AttributeDefinition> attributes(Map<String, String> types) {
        List<AttributeDefinition> list = new ArrayList<>();
        new LinkedHashMap<>(types).forEach((name, type) ->
                list.add(AttributeDefinition.builder().attributeName(name).attributeType(type).build()));
        return list;
    }

    private static List<KeySchemaElement> keys(String partitionKey, @Nullable String sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
        if (sortKey != null) {
            keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
        }
        return keys;
    }

    private static Projection projection(TableDefinition.IndexDefinition index) {
        Projection.Builder builder = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            builder.nonKeyAttributes(index.nonKeyAttributes());
        }
        return builder.build();
    }
}
