package dev.syncshift.migrator;

import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulator;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulatorConfig;
import dev.syncshift.emulator.dynamodblocal.LoopbackDynamoDb;
import dev.syncshift.migrator.source.CognitoSource;
import dev.syncshift.migrator.target.StoreTableShape;
import dev.syncshift.migrator.target.SyncStoreTable;
import java.nio.file.Path;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A Cognito Sync emulator holding a generated pool and an empty DynamoDB Local with the store table, both on
 * loopback, with developer clients pointed at them. Closing stops both.
 */
public final class LocalAws implements AutoCloseable {

    /** The generated pool's id. */
    public static final IdentityPoolId POOL = new IdentityPoolId("us-east-1:0a1b2c3d-0000-4000-8000-000000000001");
    /** The store table's name. */
    public static final String TABLE = "syncshift-store";

    private final CognitoSyncEmulator cognito;
    private final LoopbackDynamoDb dynamoDb;
    private final CognitoIdentityClient identityClient;
    private final CognitoSyncClient syncClient;
    private final DynamoDbClient dynamoDbClient;
    private final boolean ownsDynamoDb;

    private LocalAws(CognitoSyncEmulator cognito, LoopbackDynamoDb dynamoDb, boolean ownsDynamoDb) {
        this.cognito = cognito;
        this.dynamoDb = dynamoDb;
        this.ownsDynamoDb = ownsDynamoDb;
        this.identityClient = CognitoIdentityClient.builder().endpointOverride(cognito.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(developer()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(20))).build();
        this.syncClient = CognitoSyncClient.builder().endpointOverride(cognito.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(developer()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(20))).build();
        this.dynamoDbClient = DynamoDbClient.builder().endpointOverride(dynamoDb.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(developer()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** A pool of {@code identities} generated identities (seed 7), and an empty store table. */
    public static LocalAws start(int identities) {
        return start(config -> config.generate(identities).identityPoolId(POOL.value()).seed(7));
    }

    /** An emulator configured by {@code config}, and an empty store table. */
    public static LocalAws start(Consumer<CognitoSyncEmulatorConfig.Builder> config) {
        CognitoSyncEmulatorConfig.Builder builder = CognitoSyncEmulatorConfig.builder();
        config.accept(builder);
        LocalAws aws = new LocalAws(CognitoSyncEmulator.start(builder.build()), LoopbackDynamoDb.start(), true);
        StoreTableShape.create(aws.dynamoDbClient, TABLE);
        return aws;
    }

    /**
     * The same source state and the same store, with none of this emulator's throttles, faults or latency: the
     * Cognito Sync state is exported to {@code fixture} and served by a second emulator, for reading back at full
     * speed what a throttled run copied. Closing it stops only that emulator; the store stays this one's.
     */
    public LocalAws unthrottled(Path fixture) {
        cognito.exportFixture(fixture);
        return new LocalAws(CognitoSyncEmulator.start(CognitoSyncEmulatorConfig.builder().fixture(fixture).build()),
                dynamoDb, false);
    }

    public CognitoSyncEmulator cognito() {
        return cognito;
    }

    public LoopbackDynamoDb dynamoDb() {
        return dynamoDb;
    }

    public CognitoIdentityClient identityClient() {
        return identityClient;
    }

    public CognitoSyncClient syncClient() {
        return syncClient;
    }

    public DynamoDbClient dynamoDbClient() {
        return dynamoDbClient;
    }

    /** The generated pool as a migration source. */
    public CognitoSource source() {
        return new CognitoSource(identityClient, syncClient, POOL);
    }

    /** The store table. */
    public SyncStoreTable table() {
        return new SyncStoreTable(dynamoDbClient, TABLE);
    }

    private static StaticCredentialsProvider developer() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDDEVELOPER", "developer-secret"));
    }

    @Override
    public void close() {
        identityClient.close();
        syncClient.close();
        dynamoDbClient.close();
        try {
            cognito.close();
        } finally {
            if (ownsDynamoDb) {
                dynamoDb.close();
            }
        }
    }
}
