package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Cognito Identity ListIdentityPools' result. */
public record ListIdentityPoolsResponse(List<IdentityPoolShortDescription> identityPools, @Nullable String nextToken) {
}
