package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Cognito Identity GetCredentialsForIdentity's body. */
public record GetCredentialsForIdentityRequest(
        @Nullable String identityId, @Nullable Map<String, String> logins, @Nullable String customRoleArn) {
}
