package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.OperationNames;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The routing table: every operation the emulator serves, its route and its handler (like moto's
 * {@code urls.py}). Cognito Sync operations are matched by method and path; Cognito Identity operations by
 * {@code X-Amz-Target}.
 */
final class Operations {

    static final String IDENTITY_TARGET_PREFIX = "AWSCognitoIdentityService.";
    private static final String POOL = "/identitypools/{IdentityPoolId}";
    private static final String IDENTITY = POOL + "/identities/{IdentityId}";
    private static final String DATASET = IDENTITY + "/datasets/{DatasetName}";

    private final List<Route> rest;
    private final Map<String, Route> json;

    Operations(Handlers handlers) {
        this.rest = cognitoSync(handlers);
        this.json = cognitoIdentity(handlers.identity()).stream()
                .collect(Collectors.toUnmodifiableMap(Route::operation, Function.identity()));
        requireEveryOperationRouted();
    }

    /** The names per-operation throttles accept are exactly the operations routed here. */
    private void requireEveryOperationRouted() {
        Set<String> routed = Stream.concat(rest.stream(), json.values().stream()).filter(Route::emulated)
                .map(Route::operation).collect(Collectors.toSet());
        Set<String> named = new HashSet<>(OperationNames.COGNITO_SYNC);
        named.addAll(OperationNames.COGNITO_IDENTITY);
        if (!routed.equals(named)) {
            throw new IllegalStateException("OperationNames and the routing table differ: " + routed + " vs " + named);
        }
    }

    /** Cognito Sync, REST-JSON: the 17 operations, matched in this order, and the emulator-only credentials lookup. */
    private static List<Route> cognitoSync(Handlers handlers) {
        RecordsHandler records = handlers.records();
        DatasetsHandler datasets = handlers.datasets();
        PoolHandlers pool = handlers.pool();
        return List.of(
                Route.rest("ListDatasets", "GET", IDENTITY + "/datasets", datasets::listDatasets),
                Route.rest("ListIdentityPoolUsage", "GET", "/identitypools", pool.usage()::listIdentityPoolUsage),
                Route.rest("DescribeIdentityPoolUsage", "GET", POOL, pool.usage()::describeIdentityPoolUsage),
                Route.rest("DescribeIdentityUsage", "GET", IDENTITY, pool.usage()::describeIdentityUsage),
                Route.rest("GetIdentityPoolConfiguration", "GET", POOL + "/configuration",
                        pool.configuration()::getIdentityPoolConfiguration),
                Route.rest("SetIdentityPoolConfiguration", "POST", POOL + "/configuration",
                        pool.configuration()::setIdentityPoolConfiguration),
                Route.rest("GetCognitoEvents", "GET", POOL + "/events", pool.configuration()::getCognitoEvents),
                Route.rest("SetCognitoEvents", "POST", POOL + "/events", pool.configuration()::setCognitoEvents),
                Route.rest("RegisterDevice", "POST", POOL + "/identity/{IdentityId}/device",
                        pool.pushSync()::registerDevice),
                Route.rest("SubscribeToDataset", "POST", DATASET + "/subscriptions/{DeviceId}",
                        pool.pushSync()::subscribeToDataset),
                Route.rest("UnsubscribeFromDataset", "DELETE", DATASET + "/subscriptions/{DeviceId}",
                        pool.pushSync()::unsubscribeFromDataset),
                Route.rest("BulkPublish", "POST", POOL + "/bulkpublish", pool.bulkPublish()::bulkPublish),
                Route.rest("GetBulkPublishDetails", "POST", POOL + "/getBulkPublishDetails",
                        pool.bulkPublish()::getBulkPublishDetails),
                Route.rest("DescribeDataset", "GET", DATASET, datasets::describeDataset),
                Route.rest("DeleteDataset", "DELETE", DATASET, datasets::deleteDataset),
                Route.rest("ListRecords", "GET", DATASET + "/records", records::listRecords),
                Route.rest("UpdateRecords", "POST", DATASET, records::updateRecords),
                // Not AWS: lets the local AppSync emulator accept credentials issued here (--cognito-endpoint).
                Route.emulatorOnly("GetIssuedCredentials", "GET", "/_syncshift/credentials/{AccessKeyId}",
                        handlers.identity()::getIssuedCredentials));
    }

    /** Cognito Identity, AWS JSON 1.1: the operations syncshift needs, routed by X-Amz-Target. */
    private static List<Route> cognitoIdentity(IdentityHandler identity) {
        return List.of(
                Route.json("CreateIdentityPool", identity::createIdentityPool),
                Route.unsignedJson("GetId", identity::getId),
                Route.unsignedJson("GetCredentialsForIdentity", identity::getCredentialsForIdentity),
                Route.json("DescribeIdentityPool", identity::describeIdentityPool),
                Route.json("ListIdentityPools", identity::listIdentityPools),
                Route.json("DeleteIdentityPool", identity::deleteIdentityPool),
                Route.json("GetIdentityPoolRoles", identity::getIdentityPoolRoles),
                Route.json("SetIdentityPoolRoles", identity::setIdentityPoolRoles),
                Route.unsignedJson("GetOpenIdToken", identity::getOpenIdToken),
                Route.json("GetOpenIdTokenForDeveloperIdentity", identity::getOpenIdTokenForDeveloperIdentity),
                Route.json("ListIdentities", identity::listIdentities),
                Route.json("DescribeIdentity", identity::describeIdentity),
                Route.json("DeleteIdentities", identity::deleteIdentities),
                Route.json("MergeDeveloperIdentities", identity::mergeDeveloperIdentities),
                Route.json("LookupDeveloperIdentity", identity::lookupDeveloperIdentity),
                Route.json("UnlinkDeveloperIdentity", identity::unlinkDeveloperIdentity),
                Route.unsignedJson("UnlinkIdentity", identity::unlinkIdentity));
    }

    /** The REST route for {@code method} and {@code rawPath}, with its decoded labels. */
    Optional<Matched> matchRest(String method, String rawPath) {
        for (Route route : rest) {
            if (route.method().equals(method)) {
                Optional<Map<String, String>> labels = route.path().match(rawPath);
                if (labels.isPresent()) {
                    return Optional.of(new Matched(route, labels.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The Cognito Identity route for an {@code X-Amz-Target} header value. */
    Optional<Matched> matchTarget(String target) {
        if (!target.startsWith(IDENTITY_TARGET_PREFIX)) {
            return Optional.empty();
        }
        Route route = json.get(target.substring(IDENTITY_TARGET_PREFIX.length()));
        return Optional.ofNullable(route).map(r -> new Matched(r, Map.of()));
    }

    /** A route with the labels of the request that matched it. */
    record Matched(Route route, Map<String, String> labels) {
    }

    /** The handlers the table routes to. */
    record Handlers(RecordsHandler records, DatasetsHandler datasets, IdentityHandler identity, PoolHandlers pool) {
    }
}
