package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** SetCognitoEvents' body: event type to Lambda function ARN (max 1 entry). */
public record SetCognitoEventsRequest(@Nullable Map<String, String> events) {
}
