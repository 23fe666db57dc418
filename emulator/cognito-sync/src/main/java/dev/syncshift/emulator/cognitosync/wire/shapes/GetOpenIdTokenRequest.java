package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Cognito Identity GetOpenIdToken's body. */
public record GetOpenIdTokenRequest(@Nullable String identityId, @Nullable Map<String, String> logins) {
}
