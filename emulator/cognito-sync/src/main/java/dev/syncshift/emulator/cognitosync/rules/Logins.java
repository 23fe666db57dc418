package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityId;
import dev.syncshift.emulator.cognitosync.store.StoredIdentity;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What the unsigned Cognito Identity calls ask of the logins presented for an identity. */
final class Logins {

    private Logins() {
    }

    /**
     * Checks that an identity linked to logins is presented one of them; an unauthenticated identity needs none. A
     * {@code cognito-identity.amazonaws.com} login must be a token naming this identity, whichever it is.
     *
     * @throws NotAuthorizedException when a linked identity presents no matching login (AWS's "Logins don't
     *     match"), or the token login is not a token of this identity, or it expired at {@code now}
     */
    static void checkPresented(StoredIdentity identity, @Nullable Map<String, String> logins, Instant now) {
        Map<String, String> presented = IdentityConstraints.logins(logins);
        Optional<IdentityId> subject = CognitoIdentityLogin.subject(presented, now);
        if (subject.isPresent() && !subject.get().equals(identity.id())) {
            throw missingAudience();
        }
        if (identity.logins().isEmpty() || subject.isPresent()) {
            return;
        }
        boolean matches = presented.entrySet().stream()
                .anyMatch(login -> login.getValue().equals(identity.logins().get(login.getKey())));
        if (!matches) {
            throw new NotAuthorizedException(
                    "Logins don't match. Please include at least one valid login for this identity or identity pool.");
        }
    }

    private static NotAuthorizedException missingAudience() {
        return new NotAuthorizedException("Invalid login token. Missing a required claim: aud");
    }
}
