package dev.syncshift.emulator.appsync.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * DynamoDB Local in this JVM, in memory. DynamoDB Local's licence forbids redistribution, so it is a
 * provided-scope dependency: present in tests, absent from the published jar unless the user adds it.
 */
final class EmbeddedDynamoDb implements AutoCloseable {

    private final AmazonDynamoDBLocal local;

    private EmbeddedDynamoDb(AmazonDynamoDBLocal local) {
        this.local = local;
    }

    static EmbeddedDynamoDb start() {
        try {
            return new EmbeddedDynamoDb(DynamoDBEmbedded.create(true));
        } catch (NoClassDefFoundError missing) {
            throw new IllegalStateException("DynamoDB Local is not on the class path; add it "
                    + "(software.amazon.dynamodb:DynamoDBLocal) or pass --dynamodb-endpoint", missing);
        }
    }

    DynamoDbClient client() {
        return local.dynamoDbClient();
    }

    @Override
    public void close() {
        local.shutdown();
    }
}
