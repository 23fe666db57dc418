package dev.syncshift.emulator.cognitosync.wire.shapes;

/** DescribeIdentityPoolUsage's result. */
public record DescribeIdentityPoolUsageResponse(IdentityPoolUsageShape identityPoolUsage) {
}
