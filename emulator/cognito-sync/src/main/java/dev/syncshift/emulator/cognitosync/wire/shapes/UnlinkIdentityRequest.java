package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Cognito Identity UnlinkIdentity's body. */
public record UnlinkIdentityRequest(
        @Nullable String identityId,
        @Nullable Map<String, String> logins,
        @Nullable List<String> loginsToRemove) {
}
