package dev.syncshift.migrator.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Dataset;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Record;

/**
 * Reads migrated datasets back through the AppSync API as each identity itself would: temporary credentials from
 * Cognito Identity's GetCredentialsForIdentity sign GraphQL {@code listRecords} pulls, and every record (value,
 * tombstone, count, dates, author) must equal what Cognito Sync serves. Also writes as a switched device, for the
 * write-back to carry into Cognito Sync.
 */
final class ReadBack {

    private static final String PULL = "query($d: String!, $t: String) { listRecords(datasetName: $d, "
            + "lastSyncCount: 0, nextToken: $t) { nextToken datasetSyncCount records { key value syncCount deleted "
            + "lastModifiedDate lastModifiedBy } } }";
    private static final String PUSH = "mutation($d: String!, $p: [RecordPatchInput!]!) { updateRecords(datasetName: "
            + "$d, patches: $p) { datasetSyncCount } }";

    private final CognitoIdentityClient identity;
    private final CognitoSyncClient sync;
    private final SignedGraphQlClient graphQl;
    private final String pool;

    ReadBack(CognitoIdentityClient identity, CognitoSyncClient sync, URI graphQlEndpoint, String pool) {
        this.identity = identity;
        this.sync = sync;
        this.graphQl = new SignedGraphQlClient(graphQlEndpoint);
        this.pool = pool;
    }

    /**
     * Compares up to {@code identities} unauthenticated identities of the pool.
     *
     * @return the datasets compared, and the differences found (empty when all matched)
     */
    Result compare(int identities) {
        List<String> differences = new ArrayList<>();
        int datasets = 0;
        int compared = 0;
        for (var description : identity.listIdentities(r -> r.identityPoolId(pool).maxResults(60)).identities()) {
            if (compared == identities || !description.logins().isEmpty()) {
                continue;
            }
            AwsSessionCredentials credentials = credentials(description.identityId());
            if (credentials == null) {
                continue;
            }
            compared++;
            for (Dataset dataset : sync.listDatasets(r -> r.identityPoolId(pool)
                    .identityId(description.identityId())).datasets()) {
                datasets++;
                differences.addAll(compare(description.identityId(), dataset.datasetName(), credentials));
            }
        }
        return new Result(compared, datasets, differences);
    }

    private List<String> compare(String identityId, String dataset, AwsSessionCredentials credentials) {
        List<Record> source = cognitoRecords(identityId, dataset);
        Map<String, JsonNode> served = pull(dataset, credentials);
        List<String> differences = new ArrayList<>();
        if (served.size() != source.size()) {
            differences.add(identityId + "/" + dataset + ": AppSync serves " + served.size() + " records, Cognito "
                    + source.size());
        }
        for (Record record : source) {
            JsonNode copy = served.get(record.key());
            if (copy == null || !same(record, copy)) {
                differences.add(identityId + "/" + dataset + ": record " + record.key() + " differs");
            }
        }
        return differences;
    }

    private List<Record> cognitoRecords(String identityId, String dataset) {
        List<Record> records = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListRecordsResponse page = sync.listRecords(r -> r.identityPoolId(pool).identityId(identityId)
                    .datasetName(dataset).nextToken(next));
            records.addAll(page.records());
            token = page.nextToken();
        } while (token != null);
        return records;
    }

    private Map<String, JsonNode> pull(String dataset, AwsSessionCredentials credentials) {
        Map<String, JsonNode> records = new HashMap<>();
        String token = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("d", dataset);
            variables.put("t", token);
            SignedGraphQlClient.Answer answer = graphQl.post(credentials, PULL, variables);
            if (!answer.ok()) {
                throw new IllegalStateException("AppSync refused a pull of " + dataset + ": " + answer.body());
            }
            JsonNode page = answer.data("listRecords");
            page.path("records").forEach(r -> records.put(r.path("key").asText(), r));
            token = page.path("nextToken").isNull() ? null : page.path("nextToken").asText();
        } while (token != null);
        return records;
    }

    private static boolean same(Record record, JsonNode copy) {
        boolean tombstone = record.value() == null;
        return copy.path("deleted").asBoolean() == tombstone
                && (tombstone || Objects.equals(record.value(), copy.path("value").asText()))
                && copy.path("syncCount").asLong() == record.syncCount()
                && Instant.parse(copy.path("lastModifiedDate").asText()).equals(record.lastModifiedDate())
                && Objects.equals(record.lastModifiedBy(), copy.path("lastModifiedBy").asText());
    }

    /**
     * Writes {@code key} = {@code value} into a new dataset {@code dataset} through signed GraphQL as the first
     * unauthenticated identity that may (one at the limit of 20 datasets may not), as a device switched to AppSync
     * does.
     *
     * @return the identity that wrote it
     * @throws IllegalStateException when no identity could
     */
    String writeOnAppSync(String dataset, String key, String value) {
        for (var description : identity.listIdentities(r -> r.identityPoolId(pool).maxResults(60)).identities()) {
            AwsSessionCredentials credentials = description.logins().isEmpty()
                    ? credentials(description.identityId()) : null;
            if (credentials != null && graphQl.post(credentials, PUSH, Map.of("d", dataset, "p", List.of(Map.of(
                    "op", "replace", "key", key, "value", value, "syncCount", 0)))).ok()) {
                return description.identityId();
            }
        }
        throw new IllegalStateException("no identity of the pool could write a new dataset on AppSync");
    }

    /** The value of {@code key} in {@code identityId}'s {@code dataset} as Cognito Sync serves it, or null. */
    @Nullable String inCognito(String identityId, String dataset, String key) {
        return cognitoRecords(identityId, dataset).stream().filter(r -> r.key().equals(key)).map(Record::value)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private @Nullable AwsSessionCredentials credentials(String identityId) {
        try {
            Credentials issued = identity.getCredentialsForIdentity(r -> r.identityId(identityId)).credentials();
            return AwsSessionCredentials.create(issued.accessKeyId(), issued.secretKey(), issued.sessionToken());
        } catch (NotAuthorizedException disabled) {
            return null;
        }
    }

    /**
     * What a read-back found.
     *
     * @param identities identities that read their own datasets
     * @param datasets datasets compared
     * @param differences every difference, by identity, dataset and key
     */
    record Result(int identities, int datasets, List<String> differences) {
    }
}
