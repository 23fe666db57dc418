package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Cognito Identity ListIdentities' result. */
public record ListIdentitiesResponse(
        String identityPoolId, List<IdentityDescriptionShape> identities, @Nullable String nextToken) {
}
