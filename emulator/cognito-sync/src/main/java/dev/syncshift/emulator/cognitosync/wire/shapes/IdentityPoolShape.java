package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.store.StoredIdentityPool;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Cognito Identity {@code IdentityPool} (CreateIdentityPool's and DescribeIdentityPool's result). */
public record IdentityPoolShape(
        String identityPoolId,
        String identityPoolName,
        boolean allowUnauthenticatedIdentities,
        @Nullable Boolean allowClassicFlow,
        Map<String, String> supportedLoginProviders,
        @Nullable String developerProviderName,
        List<String> openIdConnectProviderARNs,
        List<CognitoIdentityProviderShape> cognitoIdentityProviders,
        List<String> samlProviderARNs,
        Map<String, String> identityPoolTags) {

    /** The wire form of {@code pool}. */
    public static IdentityPoolShape of(StoredIdentityPool pool) {
        return new IdentityPoolShape(pool.id().value(), pool.name(), pool.allowUnauthenticatedIdentities(),
                pool.allowClassicFlow(), pool.supportedLoginProviders(), pool.developerProviderName(),
                pool.openIdConnectProviderArns(),
                pool.cognitoIdentityProviders().stream().map(CognitoIdentityProviderShape::of).toList(),
                pool.samlProviderArns(), pool.tags());
    }
}
