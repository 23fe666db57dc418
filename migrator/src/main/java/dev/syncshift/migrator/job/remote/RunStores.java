package dev.syncshift.migrator.job.remote;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsClient;
import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where a process's calls go, as its AWS clients were built (options, or the AWS SDK's own region and endpoint
 * settings): the same pool and table name in another region or at another endpoint are another source and store.
 *
 * @param described the region and endpoint of each service, as the manager's warning names them
 * @param key the same with each endpoint as {@link CanonicalEndpoint} writes it, so that every spelling of one
 *     endpoint gives one queue
 */
record RunStores(String described, String key) {

    /** Hex digits of the SHA-256 of {@link #key()} that a queue's name carries. */
    private static final int HASH_DIGITS = 16;

    /** The stores the clients call. */
    static RunStores of(DynamoDbClient dynamoDb, CognitoIdentityClient identity, CognitoSyncClient sync) {
        return new RunStores(described(dynamoDb, identity, sync, URI::toString),
                described(dynamoDb, identity, sync, CanonicalEndpoint::of));
    }

    private static String described(DynamoDbClient dynamoDb, CognitoIdentityClient identity, CognitoSyncClient sync,
            Function<URI, String> written) {
        return "DynamoDB " + where(dynamoDb, written) + ", Cognito Identity " + where(identity, written)
                + ", Cognito Sync " + where(sync, written);
    }

    /**
     * A fixed-length name of the stores for a queue: the endpoints' text could pass what a broker or channel takes in
     * a name, or hold its wildcards.
     */
    String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String where(AwsClient client, Function<URI, String> written) {
        AwsServiceClientConfiguration config = client.serviceClientConfiguration();
        return config.region() + " at " + config.endpointOverride().map(written).orElse("AWS's endpoint");
    }
}
