package dev.syncshift.emulator.cognitosync.wire.shapes;

import org.jspecify.annotations.Nullable;

/** The body of DescribeIdentityPool and DeleteIdentityPool: just {@code IdentityPoolId}. */
public record IdentityPoolIdRequest(@Nullable String identityPoolId) {
}
