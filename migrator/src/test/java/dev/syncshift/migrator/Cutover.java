package dev.syncshift.migrator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.AppSyncEmulatorConfig;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulator;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulatorConfig;
import dev.syncshift.emulator.dynamodblocal.LoopbackDynamoDb;
import dev.syncshift.migrator.source.CognitoSource;
import dev.syncshift.migrator.source.CognitoWriter;
import dev.syncshift.migrator.target.ConflictPolicy;
import dev.syncshift.migrator.target.DatasetImporter;
import dev.syncshift.migrator.target.DatasetWriteBack;
import dev.syncshift.migrator.target.IdentityMigrator;
import dev.syncshift.migrator.target.SyncStoreTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A whole cutover on loopback: the Cognito Sync emulator with a pool that has a developer provider, DynamoDB Local,
 * and the AppSync emulator running the real template ({@code config/syncshift-appsync.yaml}) over that DynamoDB,
 * accepting the credentials Cognito issues to devices. The migrator writes the same table the resolvers serve.
 */
public final class Cutover implements AutoCloseable {

    /** The developer provider of the pool. */
    public static final String PROVIDER = "login.syncshift.test";
    /** The pool's roles, as the console names them. */
    public static final Map<String, String> ROLES = Map.of(
            "authenticated", "arn:aws:iam::123456789012:role/Cognito_cutoverAuth_Role",
            "unauthenticated", "arn:aws:iam::123456789012:role/Cognito_cutoverUnauth_Role");

    private static final Path TEMPLATE = Path.of("..", "config", "syncshift-appsync.yaml").toAbsolutePath()
            .normalize();

    private final CognitoSyncEmulator cognito;
    private final LoopbackDynamoDb dynamoDb;
    private final AppSyncEmulator appSync;
    private final CognitoIdentityClient identity;
    private final CognitoSyncClient sync;
    private final DynamoDbClient dynamoDbClient;
    private final IdentityPoolId pool;
    private final String table;
    private final SignedGraphQlClient graphQl;

    private Cutover(@Nullable Path fixture, @Nullable IdentityPoolId fixturePool) {
        CognitoSyncEmulatorConfig.Builder config = CognitoSyncEmulatorConfig.builder();
        cognito = CognitoSyncEmulator.start(fixture == null ? config.build() : config.fixture(fixture).build());
        dynamoDb = LoopbackDynamoDb.start();
        appSync = AppSyncEmulator.start(new AppSyncEmulatorConfig(TEMPLATE, "127.0.0.1", 0, operatorCredentials(),
                dynamoDb.endpoint(), "us-east-1", Duration.ofSeconds(30)).withCognitoEndpoint(cognito.endpoint()));
        identity = CognitoIdentityClient.builder().endpointOverride(cognito.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(developer()).httpClient(UrlConnectionHttpClient.create()).build();
        sync = CognitoSyncClient.builder().endpointOverride(cognito.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(developer()).httpClient(UrlConnectionHttpClient.create()).build();
        dynamoDbClient = DynamoDbClient.builder().endpointOverride(dynamoDb.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(developer()).httpClient(UrlConnectionHttpClient.create()).build();
        pool = fixturePool != null ? fixturePool : new IdentityPoolId(identity.createIdentityPool(p -> p
                .identityPoolName("cutover").allowUnauthenticatedIdentities(true).developerProviderName(PROVIDER))
                .identityPoolId());
        identity.setIdentityPoolRoles(r -> r.identityPoolId(pool.value()).roles(ROLES));
        table = dynamoDbClient.listTables().tableNames().get(0);
        graphQl = new SignedGraphQlClient(appSync.endpoint());
    }

    /** Starts everything. */
    public static Cutover start() {
        return new Cutover(null, null);
    }

    /**
     * Starts everything, the Cognito Sync emulator loading {@code fixture} (its FIXTURES.md format), which holds
     * {@code pool}: state no API call can make, such as counts near the 64-bit ones Cognito Sync keeps.
     */
    public static Cutover start(Path fixture, IdentityPoolId pool) {
        return new Cutover(fixture, pool);
    }

    public IdentityPoolId pool() {
        return pool;
    }

    public CognitoIdentityClient identityClient() {
        return identity;
    }

    public CognitoSyncClient syncClient() {
        return sync;
    }

    public CognitoSource source() {
        return new CognitoSource(identity, sync, pool);
    }

    public SyncStoreTable table() {
        return new SyncStoreTable(dynamoDbClient, table);
    }

    /** The SDK client of the table's DynamoDB, to change the store behind the migrator's back. */
    public DynamoDbClient dynamoDbClient() {
        return dynamoDbClient;
    }

    public String tableName() {
        return table;
    }

    public CognitoSyncEmulator cognito() {
        return cognito;
    }

    public LoopbackDynamoDb dynamoDb() {
        return dynamoDb;
    }

    /** A migrator over the pool and table; {@code full} for a full pass. */
    public IdentityMigrator migrator(boolean full, ConflictPolicy policy) {
        return migrator(full, policy, DatasetImporter.Writes.WRITE);
    }

    /** What {@code verify} runs: a full read that writes nothing and reports what a pass would still write. */
    public IdentityMigrator verifier() {
        return migrator(true, ConflictPolicy.LATER_WINS, DatasetImporter.Writes.VERIFY);
    }

    /**
     * A migrator ({@code full} for a full pass) whose Cognito Sync client tells {@code afterCall} the name of each
     * operation it answered, in the calling thread, before the migrator goes on: to change the source or the store at
     * a precise point of a pass.
     */
    public IdentityMigrator passCalling(boolean full, Consumer<String> afterCall) {
        return passCalling(full, (operation, request) -> afterCall.accept(operation));
    }

    /** As {@link #passCalling(boolean, Consumer)}, telling {@code afterCall} each call's request too. */
    public IdentityMigrator passCalling(boolean full, BiConsumer<String, SdkRequest> afterCall) {
        return passIntercepted(full, afterEach(afterCall));
    }

    /**
     * A migrator ({@code full} for a full pass) to whom Cognito Sync answers every call on identity {@code identityId}
     * as AWS answers for a disabled identity: 403 {@code NotAuthorizedException} "Access to Identity '<id>' is
     * forbidden.". The emulator reads a disabled identity as empty to developer credentials; this is the other answer
     * AWS might give, injected into the real answer's place so that the SDK parses it as it would AWS's.
     */
    public IdentityMigrator passRefusingIdentity(boolean full, String identityId) {
        return passIntercepted(full, new IdentityRefusal(identityId));
    }

    private IdentityMigrator passIntercepted(boolean full, ExecutionInterceptor interceptor) {
        CognitoSyncClient hooked = CognitoSyncClient.builder().endpointOverride(cognito.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(developer()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor)).build();
        CognitoSource source = new CognitoSource(identity, hooked, pool);
        DatasetImporter importer = new DatasetImporter(source, table(), ConflictPolicy.LATER_WINS, Clock.systemUTC(),
                DatasetImporter.Writes.WRITE);
        return new IdentityMigrator(source, table(), importer, full);
    }

    /**
     * A migrator ({@code full} for a full pass) whose DynamoDB client runs {@code afterTransaction} after each
     * TransactWriteItems the table applied (not after one it cancelled), in the calling thread, before the migrator
     * goes on: to write on AppSync between the transactions of one dataset's import, or, by throwing, to end the
     * pass there as a killed process would.
     */
    public IdentityMigrator passTransacting(boolean full, Runnable afterTransaction) {
        return passAfterTableCalls(full, operation -> {
            if (operation.equals("TransactWriteItems")) {
                afterTransaction.run();
            }
        });
    }

    /**
     * A migrator ({@code full} for a full pass) whose DynamoDB client tells {@code afterCall} the name of each
     * operation the table answered, in the calling thread, before the migrator goes on.
     */
    public IdentityMigrator passAfterTableCalls(boolean full, Consumer<String> afterCall) {
        DynamoDbClient hooked = DynamoDbClient.builder().endpointOverride(dynamoDb.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(developer()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(afterEach(afterCall))).build();
        SyncStoreTable hookedTable = new SyncStoreTable(hooked, table);
        DatasetImporter importer = new DatasetImporter(source(), hookedTable, ConflictPolicy.LATER_WINS,
                Clock.systemUTC(), DatasetImporter.Writes.WRITE);
        return new IdentityMigrator(source(), hookedTable, importer, full);
    }

    /** An interceptor telling {@code afterCall} the name of each operation its client completed. */
    private static ExecutionInterceptor afterEach(Consumer<String> afterCall) {
        return afterEach((operation, request) -> afterCall.accept(operation));
    }

    /** An interceptor telling {@code afterCall} the name and request of each operation its client completed. */
    private static ExecutionInterceptor afterEach(BiConsumer<String, SdkRequest> afterCall) {
        return new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                afterCall.accept(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request());
            }
        };
    }

    /** What {@code migrate --mode write-back} runs: a delta pass, then each dataset written into Cognito Sync. */
    public IdentityMigrator writeBack() {
        return writeBack(ConflictPolicy.LATER_WINS);
    }

    /** A write-back pass settling conflicts by {@code policy}. */
    public IdentityMigrator writeBack(ConflictPolicy policy) {
        return writeBackCalling(policy, (operation, request) -> { });
    }

    /**
     * A write-back pass whose Cognito Sync client tells {@code afterCall} the name and request of each operation it
     * answered, in the calling thread, before the pass goes on.
     */
    public IdentityMigrator writeBackCalling(BiConsumer<String, SdkRequest> afterCall) {
        return writeBackCalling(ConflictPolicy.LATER_WINS, afterCall);
    }

    /** As {@link #writeBackCalling(BiConsumer)}, settling conflicts by {@code policy}. */
    public IdentityMigrator writeBackCalling(ConflictPolicy policy, BiConsumer<String, SdkRequest> afterCall) {
        return writeBackAround(policy, (operation, request) -> { }, afterCall);
    }

    /**
     * A write-back pass whose Cognito Sync client tells {@code beforeCall} the name and request of each operation
     * before it is sent, in the calling thread: to change Cognito Sync just before the write-back's UpdateRecords.
     */
    public IdentityMigrator writeBackBeforeCalls(BiConsumer<String, SdkRequest> beforeCall) {
        return writeBackAround(ConflictPolicy.LATER_WINS, beforeCall, (operation, request) -> { });
    }

    /**
     * A write-back pass settling conflicts by {@code policy} whose Cognito Sync client tells {@code beforeCall} the
     * name and request of each operation before it is sent, and {@code afterCall} once it is answered, in the calling
     * thread.
     */
    public IdentityMigrator writeBackAround(ConflictPolicy policy, BiConsumer<String, SdkRequest> beforeCall,
            BiConsumer<String, SdkRequest> afterCall) {
        return writeBackIntercepting(policy, new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                beforeCall.accept(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request());
            }

            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                afterCall.accept(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request());
            }
        });
    }

    /**
     * A write-back pass settling conflicts by {@code policy} whose Cognito Sync client runs {@code interceptor} (with
     * the SDK's default retry): to change what one attempt of a call sends or receives.
     */
    public IdentityMigrator writeBackIntercepting(ConflictPolicy policy, ExecutionInterceptor interceptor) {
        CognitoSyncClient hooked = CognitoSyncClient.builder().endpointOverride(cognito.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(developer()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor)).build();
        CognitoSource source = new CognitoSource(identity, hooked, pool);
        DatasetImporter importer = new DatasetImporter(source, table(), policy, Clock.systemUTC(),
                DatasetImporter.Writes.WRITE);
        return new IdentityMigrator(source, table(), importer, false,
                new DatasetWriteBack(source, new CognitoWriter(hooked, source), table(), importer));
    }

    private IdentityMigrator migrator(boolean full, ConflictPolicy policy, DatasetImporter.Writes writes) {
        DatasetImporter importer = new DatasetImporter(source(), table(), policy, Clock.systemUTC(), writes);
        return new IdentityMigrator(source(), table(), importer, full);
    }

    /** A Cognito Sync client signing with {@code credentials}: an app's own, as an app still on Cognito Sync signs. */
    CognitoSyncClient syncClient(AwsSessionCredentials credentials) {
        return CognitoSyncClient.builder().endpointOverride(cognito.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** A new unauthenticated device identity, with the temporary credentials Cognito issues it. */
    public Device newDevice() {
        return device(identity.getId(r -> r.identityPoolId(pool.value())).identityId());
    }

    /** A device of {@code identityId}, an unauthenticated identity of the pool, with the credentials it is issued. */
    public Device device(String identityId) {
        Credentials issued = identity.getCredentialsForIdentity(r -> r.identityId(identityId)).credentials();
        return new Device(this, identityId, AwsSessionCredentials.create(issued.accessKeyId(), issued.secretKey(),
                issued.sessionToken()));
    }

    /** The developer-authenticated identity of user {@code user} (no AppSync access: merges only). */
    public String developerIdentity(String user) {
        return identity.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool.value())
                .logins(Map.of(PROVIDER, user))).identityId();
    }

    /** Merges developer user {@code from} into {@code into}; returns the surviving identity. */
    public String merge(String from, String into) {
        return identity.mergeDeveloperIdentities(r -> r.identityPoolId(pool.value()).developerProviderName(PROVIDER)
                .sourceUserIdentifier(from).destinationUserIdentifier(into)).identityId();
    }

    /** Unlinks developer user {@code user} from identity {@code identityId} (UnlinkDeveloperIdentity). */
    public void unlinkDeveloperUser(String identityId, String user) {
        identity.unlinkDeveloperIdentity(r -> r.identityPoolId(pool.value()).identityId(identityId)
                .developerProviderName(PROVIDER).developerUserIdentifier(user));
    }

    /** Deletes identity {@code identityId} from the pool (DeleteIdentities), its datasets with it. */
    public void deleteIdentity(String identityId) {
        identity.deleteIdentities(r -> r.identityIdsToDelete(identityId));
    }

    /** A signed GraphQL call as {@code device}. */
    JsonNode graphQl(Device device, String query, Map<String, ?> variables) {
        SignedGraphQlClient.Answer answer = graphQl.post(device.credentials(), query, variables);
        if (!answer.ok()) {
            throw new AssertionError("GraphQL call failed: " + answer.body());
        }
        return answer.body().path("data");
    }

    /** The AppSync emulator. */
    public AppSyncEmulator appSync() {
        return appSync;
    }

    /** A credentials file letting the developer key operate the AppSync control plane, as an operator would. */
    private static Path operatorCredentials() {
        try {
            Path file = Files.createTempFile("syncshift-operator", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, "{\"credentials\": [{\"accessKeyId\": \"AKIDDEVELOPER\", "
                    + "\"secretAccessKey\": \"developer-secret\", "
                    + "\"roleArn\": \"arn:aws:iam::123456789012:role/Operator\"}]}");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StaticCredentialsProvider developer() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDDEVELOPER", "developer-secret"));
    }

    @Override
    public void close() {
        identity.close();
        sync.close();
        dynamoDbClient.close();
        appSync.close();
        cognito.close();
        dynamoDb.close();
    }
}
