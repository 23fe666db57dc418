package dev.syncshift.emulator.appsync.control;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What GetGraphqlApi tells of the API, less its endpoints (the server's to add).
 *
 * @param apiId the id
 * @param name the name
 * @param authenticationType the default authorization mode
 * @param arn {@code arn:aws:appsync:<region>:<account>:apis/<apiId>}
 * @param owner the account
 * @param tags the template's {@code Tags} of the API
 */
public record ApiSummary(String apiId, String name, String authenticationType, String arn, String owner,
        Map<String, String> tags) {

    /** Copies the tags, sorted by key. */
    public ApiSummary {
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }
}
