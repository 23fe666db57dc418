package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.core.IdentityId;
import dev.syncshift.emulator.cognitosync.rules.PoolUsagePage;
import dev.syncshift.emulator.cognitosync.rules.UsageRules;
import dev.syncshift.emulator.cognitosync.wire.shapes.DescribeIdentityPoolUsageResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.DescribeIdentityUsageResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.IdentityPoolUsageShape;
import dev.syncshift.emulator.cognitosync.wire.shapes.IdentityUsageShape;
import dev.syncshift.emulator.cognitosync.wire.shapes.ListIdentityPoolUsageResponse;
import java.util.List;

/**
 * DescribeIdentityPoolUsage, ListIdentityPoolUsage and DescribeIdentityUsage on the wire.
 *
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_DescribeIdentityPoolUsage.html">
 *     DescribeIdentityPoolUsage</a>
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_ListIdentityPoolUsage.html">
 *     ListIdentityPoolUsage</a>
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_DescribeIdentityUsage.html">
 *     DescribeIdentityUsage</a> (docs/cognito-sync.md#usage-push-sync-and-streams)
 */
final class UsageHandler {

    private final UsageRules rules;

    UsageHandler(UsageRules rules) {
        this.rules = rules;
    }

    DescribeIdentityPoolUsageResponse describeIdentityPoolUsage(WireRequest request) {
        return new DescribeIdentityPoolUsageResponse(IdentityPoolUsageShape.of(
                rules.describeIdentityPoolUsage(request.caller(), RecordsHandler.pool(request))));
    }

    ListIdentityPoolUsageResponse listIdentityPoolUsage(WireRequest request) {
        PoolUsagePage page = rules.listIdentityPoolUsage(request.caller(), request.query("nextToken"),
                QueryParams.intValue(request, "maxResults"));
        List<IdentityPoolUsageShape> usages = page.usages().stream().map(IdentityPoolUsageShape::of).toList();
        return new ListIdentityPoolUsageResponse(usages, page.maxResults(), usages.size(), page.nextToken());
    }

    DescribeIdentityUsageResponse describeIdentityUsage(WireRequest request) {
        return new DescribeIdentityUsageResponse(IdentityUsageShape.of(rules.describeIdentityUsage(
                request.caller(), RecordsHandler.pool(request), new IdentityId(request.path("IdentityId")))));
    }
}
