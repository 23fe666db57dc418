package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.CredentialRules;
import dev.syncshift.emulator.cognitosync.rules.DatasetRules;
import dev.syncshift.emulator.cognitosync.rules.DeveloperLookupRules;
import dev.syncshift.emulator.cognitosync.rules.IdentityDeletionRules;
import dev.syncshift.emulator.cognitosync.rules.IdentityPoolRules;
import dev.syncshift.emulator.cognitosync.rules.IdentityRules;
import dev.syncshift.emulator.cognitosync.rules.MergeRules;
import dev.syncshift.emulator.cognitosync.rules.OpenIdTokenRules;
import dev.syncshift.emulator.cognitosync.rules.RecordRules;
import dev.syncshift.emulator.cognitosync.rules.StsRules;
import dev.syncshift.emulator.cognitosync.rules.UnlinkRules;

/**
 * The rules the wire layer serves.
 *
 * @param records ListRecords and UpdateRecords
 * @param datasets ListDatasets, DescribeDataset, DeleteDataset
 * @param identities Cognito Identity pools and identities
 * @param credentials GetCredentialsForIdentity and the lookup of issued access keys
 * @param pool usage, configuration, push sync and bulk publish
 * @param pools DescribeIdentityPool, ListIdentityPools, DeleteIdentityPool
 * @param openIdTokens GetOpenIdToken, GetOpenIdTokenForDeveloperIdentity
 * @param merges MergeDeveloperIdentities
 * @param deletions DeleteIdentities
 * @param lookups LookupDeveloperIdentity
 * @param unlinks UnlinkDeveloperIdentity, UnlinkIdentity
 * @param sts the role sessions STS issued (AssumeRole, AssumeRoleWithWebIdentity), for the lookup of issued keys
 */
public record Services(RecordRules records, DatasetRules datasets, IdentityRules identities,
        CredentialRules credentials,
        PoolServices pool,
        IdentityPoolRules pools,
        OpenIdTokenRules openIdTokens,
        MergeRules merges,
        IdentityDeletionRules deletions,
        DeveloperLookupRules lookups,
        UnlinkRules unlinks,
        StsRules sts) {
}
