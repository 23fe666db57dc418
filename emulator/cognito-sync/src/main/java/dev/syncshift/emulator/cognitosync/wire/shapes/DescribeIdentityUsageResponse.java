package dev.syncshift.emulator.cognitosync.wire.shapes;

/** DescribeIdentityUsage's result. */
public record DescribeIdentityUsageResponse(IdentityUsageShape identityUsage) {
}
