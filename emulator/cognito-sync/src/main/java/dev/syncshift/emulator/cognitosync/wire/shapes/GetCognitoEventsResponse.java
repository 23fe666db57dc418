package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.Map;

/** GetCognitoEvents' result: event type to Lambda function ARN. */
public record GetCognitoEventsResponse(Map<String, String> events) {
}
