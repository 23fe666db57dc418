package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.store.StoredIdentity;
import java.time.Instant;
import java.util.List;

/** Cognito Identity {@code IdentityDescription}: Logins lists provider names only. */
public record IdentityDescriptionShape(
        String identityId, List<String> logins, Instant creationDate, Instant lastModifiedDate) {

    /** The wire form of {@code identity}. */
    public static IdentityDescriptionShape of(StoredIdentity identity) {
        return new IdentityDescriptionShape(identity.id().value(), identity.logins().keySet().stream().sorted()
                .toList(), identity.creationDate(), identity.lastModifiedDate());
    }
}
