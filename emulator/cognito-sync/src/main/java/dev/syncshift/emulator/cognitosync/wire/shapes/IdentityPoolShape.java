package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.store.StoredIdentityPool;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Cognito Identity {@code IdentityPool}. */
public record IdentityPoolShape(
        String identityPoolId,
        String identityPoolName,
        boolean allowUnauthenticatedIdentities,
        Map<String, String> supportedLoginProviders,
        @Nullable String developerProviderName) {

    /** The wire form of {@code pool}. */
    public static IdentityPoolShape of(StoredIdentityPool pool) {
        return new IdentityPoolShape(pool.id().value(), pool.name(), pool.allowUnauthenticatedIdentities(),
                pool.supportedLoginProviders(), pool.developerProviderName());
    }
}
