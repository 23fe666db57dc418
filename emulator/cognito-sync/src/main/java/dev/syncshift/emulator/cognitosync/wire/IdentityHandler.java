package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.emulator.cognitosync.rules.DeveloperIdentityLookup;
import dev.syncshift.emulator.cognitosync.rules.IdentitiesPage;
import dev.syncshift.emulator.cognitosync.rules.IdentityConstraints;
import dev.syncshift.emulator.cognitosync.rules.IdentityPoolsPage;
import dev.syncshift.emulator.cognitosync.rules.ResourceNotFoundException;
import dev.syncshift.emulator.cognitosync.wire.shapes.CreateIdentityPoolRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.CredentialsShape;
import dev.syncshift.emulator.cognitosync.wire.shapes.DeleteIdentitiesRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.DeleteIdentitiesResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.DescribeIdentityRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.GetCredentialsForIdentityRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.GetCredentialsForIdentityResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.GetIdRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.GetIdResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.GetOpenIdTokenForDeveloperIdentityRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.GetOpenIdTokenRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.IdentityDescriptionShape;
import dev.syncshift.emulator.cognitosync.wire.shapes.IdentityPoolIdRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.IdentityPoolRolesResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.IdentityPoolShape;
import dev.syncshift.emulator.cognitosync.wire.shapes.IdentityPoolShortDescription;
import dev.syncshift.emulator.cognitosync.wire.shapes.IssuedCredentialsResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.ListIdentitiesRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.ListIdentitiesResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.ListIdentityPoolsRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.ListIdentityPoolsResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.LookupDeveloperIdentityRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.LookupDeveloperIdentityResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.MergeDeveloperIdentitiesRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.MergeDeveloperIdentitiesResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.OpenIdTokenResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.SetIdentityPoolRolesRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.UnlinkDeveloperIdentityRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.UnlinkIdentityRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Cognito Identity (AWS JSON 1.1, {@code X-Amz-Target: AWSCognitoIdentityService.<Operation>}).
 *
 * @see <a href="https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/Welcome.html">Cognito Identity
 *     API reference</a> (docs/cognito-sync.md#credentials)
 */
final class IdentityHandler {

    private final Services services;

    IdentityHandler(Services services) {
        this.services = services;
    }

    IdentityPoolShape createIdentityPool(WireRequest request) {
        CreateIdentityPoolRequest body = request.body(CreateIdentityPoolRequest.class);
        return IdentityPoolShape.of(services.identities().createIdentityPool(request.caller(), body.settings()));
    }

    IdentityPoolShape describeIdentityPool(WireRequest request) {
        IdentityPoolIdRequest body = request.body(IdentityPoolIdRequest.class);
        return IdentityPoolShape.of(services.pools().describeIdentityPool(request.caller(),
                pool(body.identityPoolId())));
    }

    ListIdentityPoolsResponse listIdentityPools(WireRequest request) {
        ListIdentityPoolsRequest body = request.body(ListIdentityPoolsRequest.class);
        IdentityPoolsPage page = services.pools().listIdentityPools(request.caller(), body.maxResults(),
                body.nextToken());
        return new ListIdentityPoolsResponse(page.pools().stream()
                .map(pool -> new IdentityPoolShortDescription(pool.id().value(), pool.name())).toList(),
                page.nextToken());
    }

    IdentityPoolRolesResponse getIdentityPoolRoles(WireRequest request) {
        IdentityPoolIdRequest body = request.body(IdentityPoolIdRequest.class);
        return IdentityPoolRolesResponse.of(services.pools().getIdentityPoolRoles(request.caller(),
                pool(body.identityPoolId())));
    }

    Map<String, Object> setIdentityPoolRoles(WireRequest request) {
        SetIdentityPoolRolesRequest body = request.body(SetIdentityPoolRolesRequest.class);
        services.pools().setIdentityPoolRoles(request.caller(), pool(body.identityPoolId()), body.roles(),
                body.roleMappings());
        return Map.of();
    }

    Map<String, Object> deleteIdentityPool(WireRequest request) {
        IdentityPoolIdRequest body = request.body(IdentityPoolIdRequest.class);
        services.pools().deleteIdentityPool(request.caller(), pool(body.identityPoolId()));
        return Map.of();
    }

    GetIdResponse getId(WireRequest request) {
        GetIdRequest body = request.body(GetIdRequest.class);
        return new GetIdResponse(services.identities().getId(body.accountId(), pool(body.identityPoolId()),
                body.logins()).id().value());
    }

    /** An identity's credentials, else a role session's (STS), as long as they have not expired. */
    IssuedCredentialsResponse getIssuedCredentials(WireRequest request) {
        String accessKeyId = request.path("AccessKeyId");
        return services.credentials().describeIssued(accessKeyId).map(IssuedCredentialsResponse::of)
                .or(() -> services.sts().liveSession(accessKeyId).map(IssuedCredentialsResponse::of))
                .orElseThrow(() -> new ResourceNotFoundException("Credentials '" + accessKeyId + "' not found."));
    }

    GetCredentialsForIdentityResponse getCredentialsForIdentity(WireRequest request) {
        GetCredentialsForIdentityRequest body = request.body(GetCredentialsForIdentityRequest.class);
        IdentityConstraints.optionalArn("customRoleArn", body.customRoleArn());
        IdentityId identity = services.merges().linkOrMerge(identity(body.identityId()), body.logins());
        return new GetCredentialsForIdentityResponse(identity.value(),
                CredentialsShape.of(services.credentials().getCredentialsForIdentity(identity, body.logins())));
    }

    OpenIdTokenResponse getOpenIdToken(WireRequest request) {
        GetOpenIdTokenRequest body = request.body(GetOpenIdTokenRequest.class);
        IdentityId identity = services.merges().linkOrMerge(identity(body.identityId()), body.logins());
        return OpenIdTokenResponse.of(services.openIdTokens().getOpenIdToken(identity, body.logins()));
    }

    OpenIdTokenResponse getOpenIdTokenForDeveloperIdentity(WireRequest request) {
        GetOpenIdTokenForDeveloperIdentityRequest body = request.body(
                GetOpenIdTokenForDeveloperIdentityRequest.class);
        IdentityConstraints.principalTags(body.principalTags());
        IdentityId identity = body.identityId() == null ? null : new IdentityId(body.identityId());
        return OpenIdTokenResponse.of(services.openIdTokens().getOpenIdTokenForDeveloperIdentity(request.caller(),
                pool(body.identityPoolId()), identity, body.logins(), body.tokenDuration()));
    }

    ListIdentitiesResponse listIdentities(WireRequest request) {
        ListIdentitiesRequest body = request.body(ListIdentitiesRequest.class);
        IdentityPoolId pool = pool(body.identityPoolId());
        IdentitiesPage page = services.identities().listIdentities(request.caller(), pool, body.maxResults(),
                body.nextToken(), body.hideDisabled());
        return new ListIdentitiesResponse(pool.value(),
                page.identities().stream().map(IdentityDescriptionShape::of).toList(), page.nextToken());
    }

    IdentityDescriptionShape describeIdentity(WireRequest request) {
        DescribeIdentityRequest body = request.body(DescribeIdentityRequest.class);
        return IdentityDescriptionShape.of(services.identities().describeIdentity(request.caller(),
                identity(body.identityId())));
    }

    /** Every identity listed is deleted or did not exist, so none is reported unprocessed. */
    DeleteIdentitiesResponse deleteIdentities(WireRequest request) {
        DeleteIdentitiesRequest body = request.body(DeleteIdentitiesRequest.class);
        services.deletions().deleteIdentities(request.caller(), body.identityIdsToDelete());
        return new DeleteIdentitiesResponse(List.of());
    }

    MergeDeveloperIdentitiesResponse mergeDeveloperIdentities(WireRequest request) {
        MergeDeveloperIdentitiesRequest body = request.body(MergeDeveloperIdentitiesRequest.class);
        return new MergeDeveloperIdentitiesResponse(services.merges().mergeDeveloperIdentities(request.caller(),
                pool(body.identityPoolId()), body.developerProviderName(), body.sourceUserIdentifier(),
                body.destinationUserIdentifier()).value());
    }

    LookupDeveloperIdentityResponse lookupDeveloperIdentity(WireRequest request) {
        LookupDeveloperIdentityRequest body = request.body(LookupDeveloperIdentityRequest.class);
        DeveloperIdentityLookup found = services.lookups().lookupDeveloperIdentity(request.caller(),
                pool(body.identityPoolId()), body.identityId(), body.developerUserIdentifier(), body.maxResults(),
                body.nextToken());
        return new LookupDeveloperIdentityResponse(found.identityId().value(), found.developerUserIds(),
                found.nextToken());
    }

    Map<String, Object> unlinkDeveloperIdentity(WireRequest request) {
        UnlinkDeveloperIdentityRequest body = request.body(UnlinkDeveloperIdentityRequest.class);
        services.unlinks().unlinkDeveloperIdentity(request.caller(), pool(body.identityPoolId()),
                identity(body.identityId()), body.developerProviderName(), body.developerUserIdentifier());
        return Map.of();
    }

    Map<String, Object> unlinkIdentity(WireRequest request) {
        UnlinkIdentityRequest body = request.body(UnlinkIdentityRequest.class);
        services.unlinks().unlinkIdentity(identity(body.identityId()), body.logins(),
                body.loginsToRemove());
        return Map.of();
    }

    private static IdentityPoolId pool(@Nullable String identityPoolId) {
        return new IdentityPoolId(Constraints.required("identityPoolId", identityPoolId));
    }

    private static IdentityId identity(@Nullable String identityId) {
        return new IdentityId(Constraints.required("identityId", identityId));
    }
}
