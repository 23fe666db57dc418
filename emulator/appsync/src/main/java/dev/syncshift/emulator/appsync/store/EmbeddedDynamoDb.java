package dev.syncshift.emulator.appsync.store;

import java.util.Locale;
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

    /**
     * Starts it. DynamoDB Local writes the numbers of its SQL in the default format locale, so where that locale writes
     * other digits (Arabic's, Persian's) ListTables and a provisioned CreateTable fail with a 500: from here on this
     * JVM's format locale keeps its language but writes the digits 0-9.
     */
    static EmbeddedDynamoDb start() {
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT,
                new Locale.Builder().setLocale(format).setUnicodeLocaleKeyword("nu", "latn").build());
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
