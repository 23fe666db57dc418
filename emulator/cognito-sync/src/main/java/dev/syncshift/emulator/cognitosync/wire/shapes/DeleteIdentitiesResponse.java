package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.List;

/**
 * Cognito Identity DeleteIdentities' result: the identities that could not be deleted, each with AWS's
 * {@code ErrorCode} ({@code AccessDenied} or {@code InternalServerError}). The emulator deletes every identity it is
 * given, so the list is always empty.
 */
public record DeleteIdentitiesResponse(List<UnprocessedIdentityIdShape> unprocessedIdentityIds) {

    /** Copies the list. */
    public DeleteIdentitiesResponse {
        unprocessedIdentityIds = List.copyOf(unprocessedIdentityIds);
    }
}
