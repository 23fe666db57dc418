package dev.syncshift.client.remote.appsync;

/**
 * What the store says of a dataset a cutover import starts from ({@code describeDataset}).
 *
 * @param syncCount the dataset's count T
 * @param sourceWatermark the source watermark W, the Cognito count all of whose changes the store holds (0 when never
 *     imported)
 * @param copiedUpTo the highest Cognito count an unfinished copy-mode import stored above T, 0 when none is unfinished
 */
public record ImportState(long syncCount, long sourceWatermark, long copiedUpTo) {

    /**
     * Whether the store holds only part of a first copy (a copy-mode import at watermark 0 cut off between its parts):
     * not a dataset the store has, but records of the Cognito dataset as one read of it found them, some of them.
     */
    public boolean unfinishedFirstCopy() {
        return sourceWatermark == 0 && copiedUpTo > 0;
    }
}
