package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.emulator.cognitosync.store.StoredIdentity;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the unsigned Cognito Identity calls ask of the logins presented for an identity. */
final class Logins {

    private Logins() {
    }

    /**
     * Checks that an identity linked to logins is presented one of them; an unauthenticated identity needs none.
     *
     * @throws NotAuthorizedException when a linked identity presents no matching login
     */
    static void checkPresented(StoredIdentity identity, @Nullable Map<String, String> logins) {
        if (identity.logins().isEmpty()) {
            return;
        }
        Map<String, String> presented = IdentityConstraints.logins(logins);
        if (CognitoIdentityLogin.subject(presented).filter(identity.id()::equals).isPresent()) {
            return;
        }
        boolean matches = presented.entrySet().stream()
                .anyMatch(login -> login.getValue().equals(identity.logins().get(login.getKey())));
        if (!matches) {
            throw new NotAuthorizedException("Invalid login token. Missing a required claim: aud");
        }
    }
}
