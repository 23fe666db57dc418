package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.DatasetMetadata;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of ListDatasets.
 *
 * @param datasets the existing datasets of the page, by name
 * @param nextToken where the next page starts, null on the last page
 */
public record DatasetsPage(List<DatasetMetadata> datasets, @Nullable String nextToken) {
}
