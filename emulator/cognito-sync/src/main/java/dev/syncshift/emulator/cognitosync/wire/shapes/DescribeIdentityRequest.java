package dev.syncshift.emulator.cognitosync.wire.shapes;

import org.jspecify.annotations.Nullable;

/** Cognito Identity DescribeIdentity's body. */
public record DescribeIdentityRequest(@Nullable String identityId) {
}
