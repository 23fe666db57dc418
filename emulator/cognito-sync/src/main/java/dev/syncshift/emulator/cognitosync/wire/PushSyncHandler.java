package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.core.IdentityId;
import dev.syncshift.emulator.cognitosync.rules.PushSyncRules;
import dev.syncshift.emulator.cognitosync.wire.shapes.RegisterDeviceRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.RegisterDeviceResponse;
import java.util.Map;

/**
 * RegisterDevice, SubscribeToDataset and UnsubscribeFromDataset on the wire.
 *
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_RegisterDevice.html">
 *     RegisterDevice</a>
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_SubscribeToDataset.html">
 *     SubscribeToDataset</a>
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_UnsubscribeFromDataset.html">
 *     UnsubscribeFromDataset</a> (docs/cognito-sync.md#usage-push-sync-and-streams)
 */
final class PushSyncHandler {

    private final PushSyncRules rules;

    PushSyncHandler(PushSyncRules rules) {
        this.rules = rules;
    }

    RegisterDeviceResponse registerDevice(WireRequest request) {
        RegisterDeviceRequest body = request.body(RegisterDeviceRequest.class);
        return new RegisterDeviceResponse(rules.registerDevice(request.caller(), RecordsHandler.pool(request),
                new IdentityId(request.path("IdentityId")), body.platform(), body.token()).deviceId());
    }

    Map<String, Object> subscribeToDataset(WireRequest request) {
        rules.subscribeToDataset(request.caller(), RecordsHandler.pool(request), RecordsHandler.dataset(request),
                request.path("DeviceId"));
        return Map.of();
    }

    Map<String, Object> unsubscribeFromDataset(WireRequest request) {
        rules.unsubscribeFromDataset(request.caller(), RecordsHandler.pool(request),
                RecordsHandler.dataset(request), request.path("DeviceId"));
        return Map.of();
    }
}
