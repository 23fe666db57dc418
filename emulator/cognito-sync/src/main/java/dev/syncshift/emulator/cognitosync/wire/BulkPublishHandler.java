package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.BulkPublishRules;
import dev.syncshift.emulator.cognitosync.wire.shapes.BulkPublishResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.GetBulkPublishDetailsResponse;

/**
 * BulkPublish and GetBulkPublishDetails on the wire.
 *
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_BulkPublish.html">BulkPublish</a>
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_GetBulkPublishDetails.html">
 *     GetBulkPublishDetails</a> (docs/cognito-sync.md#usage-push-sync-and-streams)
 */
final class BulkPublishHandler {

    private final BulkPublishRules rules;

    BulkPublishHandler(BulkPublishRules rules) {
        this.rules = rules;
    }

    BulkPublishResponse bulkPublish(WireRequest request) {
        return new BulkPublishResponse(rules.bulkPublish(request.caller(), RecordsHandler.pool(request)).value());
    }

    GetBulkPublishDetailsResponse getBulkPublishDetails(WireRequest request) {
        return GetBulkPublishDetailsResponse.of(
                rules.getBulkPublishDetails(request.caller(), RecordsHandler.pool(request)));
    }
}
