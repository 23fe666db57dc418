package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Cognito Identity GetId's body. */
public record GetIdRequest(
        @Nullable String accountId, @Nullable String identityPoolId, @Nullable Map<String, String> logins) {
}
