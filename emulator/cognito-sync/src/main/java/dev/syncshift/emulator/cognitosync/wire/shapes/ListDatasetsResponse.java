package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** ListDatasets' result; Count is the number returned. */
public record ListDatasetsResponse(List<DatasetShape> datasets, int count, @Nullable String nextToken) {
}
