package dev.syncshift.emulator.cognitosync.rules;

import java.util.Set;

/**
 * The AWS operations the emulator serves, by their names on the wire: what per-operation throttles and the
 * {@link OperationGate} are keyed by. Emulator-only routes are not among them and are never gated.
 */
public final class OperationNames {

    /** The 17 Cognito Sync operations (REST-JSON). */
    public static final Set<String> COGNITO_SYNC = Set.of(
            "BulkPublish", "DeleteDataset", "DescribeDataset", "DescribeIdentityPoolUsage", "DescribeIdentityUsage",
            "GetBulkPublishDetails", "GetCognitoEvents", "GetIdentityPoolConfiguration", "ListDatasets",
            "ListIdentityPoolUsage", "ListRecords", "RegisterDevice", "SetCognitoEvents",
            "SetIdentityPoolConfiguration", "SubscribeToDataset", "UnsubscribeFromDataset", "UpdateRecords");

    /** The Cognito Identity operations (AWS JSON 1.1) the emulator serves. */
    public static final Set<String> COGNITO_IDENTITY = Set.of(
            "CreateIdentityPool", "DeleteIdentities", "DeleteIdentityPool", "DescribeIdentity",
            "DescribeIdentityPool", "GetCredentialsForIdentity", "GetId", "GetIdentityPoolRoles", "GetOpenIdToken",
            "GetOpenIdTokenForDeveloperIdentity", "ListIdentities", "ListIdentityPools", "LookupDeveloperIdentity",
            "MergeDeveloperIdentities", "SetIdentityPoolRoles", "UnlinkDeveloperIdentity", "UnlinkIdentity");

    private OperationNames() {
    }

    /** Whether {@code name} is an operation of either service. */
    public static boolean isKnown(String name) {
        return COGNITO_SYNC.contains(name) || COGNITO_IDENTITY.contains(name);
    }
}
