package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.IdentityId;
import dev.syncshift.emulator.cognitosync.rules.CredentialRules;
import dev.syncshift.emulator.cognitosync.rules.IdentityRules;
import dev.syncshift.emulator.cognitosync.wire.shapes.CreateIdentityPoolRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.CredentialsShape;
import dev.syncshift.emulator.cognitosync.wire.shapes.GetCredentialsForIdentityRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.GetCredentialsForIdentityResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.GetIdRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.GetIdResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.IdentityPoolShape;

/**
 * Cognito Identity (AWS JSON 1.1, {@code X-Amz-Target: AWSCognitoIdentityService.<Operation>}).
 *
 * @see <a href="https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/Welcome.html">Cognito Identity
 *     API reference</a> (shared/reference/cognito-sync-wire.md §6)
 */
final class IdentityHandler {

    private final IdentityRules rules;
    private final CredentialRules credentials;

    IdentityHandler(IdentityRules rules, CredentialRules credentials) {
        this.rules = rules;
        this.credentials = credentials;
    }

    IdentityPoolShape createIdentityPool(WireRequest request) {
        CreateIdentityPoolRequest body = request.body(CreateIdentityPoolRequest.class);
        return IdentityPoolShape.of(rules.createIdentityPool(request.caller(), body.identityPoolName(),
                body.allowUnauthenticatedIdentities(), body.developerProviderName(),
                body.supportedLoginProviders()));
    }

    GetIdResponse getId(WireRequest request) {
        GetIdRequest body = request.body(GetIdRequest.class);
        IdentityPoolId pool = new IdentityPoolId(Constraints.required("identityPoolId", body.identityPoolId()));
        return new GetIdResponse(rules.getId(pool, body.logins()).id().value());
    }

    GetCredentialsForIdentityResponse getCredentialsForIdentity(WireRequest request) {
        GetCredentialsForIdentityRequest body = request.body(GetCredentialsForIdentityRequest.class);
        IdentityId identity = new IdentityId(Constraints.required("identityId", body.identityId()));
        return new GetCredentialsForIdentityResponse(identity.value(),
                CredentialsShape.of(credentials.getCredentialsForIdentity(identity, body.logins())));
    }
}
