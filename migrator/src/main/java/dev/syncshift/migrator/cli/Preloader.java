package dev.syncshift.migrator.cli;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Loads, on a second thread, the classes a run needs after Spring has started — the SDK's client stack (HTTP,
 * TLS, regions, endpoints, retries), the path of each call the run makes (marshalling, signing, parsing) and the H2
 * engine — while the main thread starts Spring. Spring Boot's own {@code BackgroundPreinitializer} does the same for
 * its libraries. Most of a run's start is class loading on one thread; this moves part of it to another core. Its
 * throwaway clients talk to an in-memory HTTP client that answers {@code {}}, so nothing leaves the process; whatever
 * it fails at is left to the run to meet.
 */
final class Preloader {

    private static final Logger LOG = LoggerFactory.getLogger(Preloader.class);
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");
    private static final String POOL = "us-east-1:00000000-0000-4000-8000-000000000000";
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Preloader() {
    }

    /**
     * Starts preloading, once per JVM (a later run, as the demo makes, finds the classes loaded). Call it once Spring
     * has configured logging: between Spring's reset of logback and its new configuration, a debug line of the
     * preloader's SDK calls or of the connection reaper makes logback print "No appenders present".
     *
     * @param h2 whether the job repository is an H2 database
     */
    static void start(boolean h2) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> run(h2), "syncshift-preload");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.debug("preloading stopped early", e));
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    private static void run(boolean h2) {
        try {
            preload(h2);
        } catch (SQLException e) {
            LOG.debug("preloading stopped early", e);
        }
    }

    /**
     * Does the preloading on the calling thread.
     *
     * @return how many calls the in-memory HTTP client answered
     */
    static int preload(boolean h2) throws SQLException {
        Canned canned = new Canned();
        try (SdkHttpClient apache = ApacheHttpClient.builder().build()) {
            DefaultCredentialsProvider.builder().build().close();
            try (DynamoDbClient dynamoDb = client(DynamoDbClient.builder(), canned)) {
                dynamoDb.describeTable(r -> r.tableName("preload"));
                dynamoDb.query(r -> r.tableName("preload").consistentRead(true).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"))));
                dynamoDb.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().put(p -> p
                        .tableName("preload").conditionExpression("attribute_not_exists(pk)")
                        .item(Map.of("pk", AttributeValue.fromS("p"), "n", AttributeValue.fromN("1"),
                                "b", AttributeValue.fromB(SdkBytes.fromUtf8String("b"))))).build()));
            }
            try (CognitoIdentityClient identity = client(CognitoIdentityClient.builder(), canned)) {
                identity.describeIdentityPool(r -> r.identityPoolId(POOL));
                identity.listIdentities(r -> r.identityPoolId(POOL).maxResults(60));
            }
            try (CognitoSyncClient sync = client(CognitoSyncClient.builder(), canned)) {
                sync.describeIdentityPoolUsage(r -> r.identityPoolId(POOL));
                sync.listDatasets(r -> r.identityPoolId(POOL).identityId(POOL));
                sync.listRecords(r -> r.identityPoolId(POOL).identityId(POOL).datasetName("preload"));
            }
        }
        if (h2) {
            h2();
        }
        return canned.answered.get();
    }

    /**
     * A client as the run builds one, over {@code http}, with its methods read as Spring reads a bean's (which
     * loads the service's models).
     */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            B builder, SdkHttpClient http) {
        C client = builder.region(Region.US_EAST_1).httpClient(http).endpointOverride(NOWHERE)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("preload", "preload")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy()))
                .build();
        client.getClass().getDeclaredMethods();
        return client;
    }

    /** Answers every request with an empty JSON object, in memory: the calls above never leave the process. */
    private static final class Canned implements SdkHttpClient {
        final AtomicInteger answered = new AtomicInteger();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    answered.incrementAndGet();
                    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder().response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Length", Integer.toString(body.length)).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    /** A private in-memory database, gone when its connection closes (two runs in one JVM never share it). */
    private static void h2() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE PRELOAD (ID BIGINT PRIMARY KEY, NAME VARCHAR(100))");
            statement.execute("INSERT INTO PRELOAD VALUES (1, 'a')");
            statement.executeQuery("SELECT NAME FROM PRELOAD WHERE ID = 1").close();
        }
    }
}
