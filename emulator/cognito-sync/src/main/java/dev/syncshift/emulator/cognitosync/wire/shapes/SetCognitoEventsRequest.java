package dev.syncshift.emulator.cognitosync.wire.shapes;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** SetCognitoEvents' body: event type to Lambda function ARN (max 1 entry; a null ARN removes the event). */
public record SetCognitoEventsRequest(@JsonSetter(contentNulls = Nulls.SET) @Nullable Map<String, String> events) {
}
