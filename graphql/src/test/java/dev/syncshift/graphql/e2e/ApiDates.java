package dev.syncshift.graphql.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** How the API's date fields carry an instant: AWSDateTime, ISO 8601 with milliseconds. */
final class ApiDates {

    private ApiDates() {
    }

    static Instant read(JsonNode date) {
        return Instant.parse(date.asText());
    }

    static Instant readNullable(JsonNode date) {
        return date.isNull() || date.isMissingNode() ? null : read(date);
    }
}
