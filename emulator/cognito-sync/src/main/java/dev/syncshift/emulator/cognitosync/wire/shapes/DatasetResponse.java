package dev.syncshift.emulator.cognitosync.wire.shapes;

/** DescribeDataset's and DeleteDataset's result. */
public record DatasetResponse(DatasetShape dataset) {
}
