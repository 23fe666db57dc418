package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Cognito Identity LookupDeveloperIdentity's result: the identity and a page of its developer user ids. */
public record LookupDeveloperIdentityResponse(String identityId, List<String> developerUserIdentifierList,
        @Nullable String nextToken) {

    /** Copies the list. */
    public LookupDeveloperIdentityResponse {
        developerUserIdentifierList = List.copyOf(developerUserIdentifierList);
    }
}
