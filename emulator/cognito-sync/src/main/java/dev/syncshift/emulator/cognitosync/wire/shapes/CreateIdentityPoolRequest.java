package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Cognito Identity CreateIdentityPool's body (the members the emulator keeps). */
public record CreateIdentityPoolRequest(
        @Nullable String identityPoolName,
        @Nullable Boolean allowUnauthenticatedIdentities,
        @Nullable Map<String, String> supportedLoginProviders,
        @Nullable String developerProviderName) {
}
