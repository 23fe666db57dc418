package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.core.IdentityId;
import dev.syncshift.emulator.cognitosync.rules.DatasetRules;
import dev.syncshift.emulator.cognitosync.rules.DatasetsPage;
import dev.syncshift.emulator.cognitosync.wire.shapes.DatasetResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.DatasetShape;
import dev.syncshift.emulator.cognitosync.wire.shapes.ListDatasetsResponse;
import java.util.List;

/**
 * ListDatasets, DescribeDataset and DeleteDataset on the wire.
 *
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_ListDatasets.html">ListDatasets</a>
 *     (docs/cognito-sync.md#deletion-and-re-creation)
 */
final class DatasetsHandler {

    private final DatasetRules rules;

    DatasetsHandler(DatasetRules rules) {
        this.rules = rules;
    }

    ListDatasetsResponse listDatasets(WireRequest request) {
        DatasetsPage page = rules.listDatasets(request.caller(), RecordsHandler.pool(request),
                new IdentityId(request.path("IdentityId")), request.query("nextToken"),
                QueryParams.intValue(request, "maxResults"));
        List<DatasetShape> datasets = page.datasets().stream().map(DatasetShape::of).toList();
        return new ListDatasetsResponse(datasets, datasets.size(), page.nextToken());
    }

    DatasetResponse describeDataset(WireRequest request) {
        return new DatasetResponse(DatasetShape.of(rules.describeDataset(request.caller(),
                RecordsHandler.pool(request), RecordsHandler.dataset(request))));
    }

    DatasetResponse deleteDataset(WireRequest request) {
        return new DatasetResponse(DatasetShape.of(rules.deleteDataset(request.caller(),
                RecordsHandler.pool(request), RecordsHandler.dataset(request))));
    }
}
