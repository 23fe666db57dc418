package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.ConfigurationRules;
import dev.syncshift.emulator.cognitosync.wire.shapes.CognitoStreamsShape;
import dev.syncshift.emulator.cognitosync.wire.shapes.GetCognitoEventsResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.IdentityPoolConfigurationResponse;
import dev.syncshift.emulator.cognitosync.wire.shapes.PushSyncShape;
import dev.syncshift.emulator.cognitosync.wire.shapes.SetCognitoEventsRequest;
import dev.syncshift.emulator.cognitosync.wire.shapes.SetIdentityPoolConfigurationRequest;
import org.jspecify.annotations.Nullable;

/**
 * Get/SetIdentityPoolConfiguration and Get/SetCognitoEvents on the wire.
 *
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_GetIdentityPoolConfiguration.html">
 *     GetIdentityPoolConfiguration</a>
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_SetIdentityPoolConfiguration.html">
 *     SetIdentityPoolConfiguration</a>
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_GetCognitoEvents.html">
 *     GetCognitoEvents</a>
 * @see <a href="https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_SetCognitoEvents.html">
 *     SetCognitoEvents</a> (docs/cognito-sync.md#usage-push-sync-and-streams)
 */
final class ConfigurationHandler {

    private final ConfigurationRules rules;

    ConfigurationHandler(ConfigurationRules rules) {
        this.rules = rules;
    }

    IdentityPoolConfigurationResponse getIdentityPoolConfiguration(WireRequest request) {
        return IdentityPoolConfigurationResponse.of(
                rules.getIdentityPoolConfiguration(request.caller(), RecordsHandler.pool(request)));
    }

    IdentityPoolConfigurationResponse setIdentityPoolConfiguration(WireRequest request) {
        SetIdentityPoolConfigurationRequest body = request.body(SetIdentityPoolConfigurationRequest.class);
        PushSyncShape pushSync = body.pushSync();
        CognitoStreamsShape streams = body.cognitoStreams();
        return IdentityPoolConfigurationResponse.of(rules.setIdentityPoolConfiguration(request.caller(),
                RecordsHandler.pool(request), pushSync == null ? null : pushSync.toStored(),
                streams == null ? null : streams.toStored()));
    }

    GetCognitoEventsResponse getCognitoEvents(WireRequest request) {
        return new GetCognitoEventsResponse(rules.getCognitoEvents(request.caller(), RecordsHandler.pool(request)));
    }

    @Nullable Object setCognitoEvents(WireRequest request) {
        rules.setCognitoEvents(request.caller(), RecordsHandler.pool(request),
                request.body(SetCognitoEventsRequest.class).events());
        return null;
    }
}
