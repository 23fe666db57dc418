package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityId;
import dev.syncshift.emulator.cognitosync.store.StoredIdentity;

/** Which caller may touch what (docs/cognito-sync.md#credentials). */
public final class Access {

    private Access() {
    }

    /**
     * Checks that {@code caller} may act on {@code identity}'s data: developers may act on any identity, temporary
     * credentials only on their own, and not once it is disabled (credentials issued before a merge disabled it).
     *
     * @throws NotAuthorizedException otherwise
     */
    public static void checkIdentity(Caller caller, StoredIdentity identity) {
        if (caller instanceof Caller.Identity own && (!own.identityId().equals(identity.id()) || identity.disabled())) {
            throw forbidden(identity.id());
        }
    }

    /**
     * AWS's refusal of an identity the caller may not act as: another identity's data, or a disabled identity's
     * credentials and tokens (as AWS answers a guest identity a login merged away, amplify-js issue #6616).
     */
    static NotAuthorizedException forbidden(IdentityId identityId) {
        return new NotAuthorizedException(identityId.accessForbidden());
    }

    /**
     * Checks that {@code caller} holds developer credentials.
     *
     * @throws NotAuthorizedException for temporary credentials
     */
    public static void checkDeveloper(Caller caller) {
        if (!(caller instanceof Caller.Developer)) {
            throw new NotAuthorizedException("This operation requires developer credentials.");
        }
    }

    /**
     * Checks that {@code caller} holds temporary credentials of a Cognito identity.
     *
     * @throws NotAuthorizedException for developer credentials
     */
    public static void checkCognito(Caller caller) {
        if (!(caller instanceof Caller.Identity)) {
            throw new NotAuthorizedException("This operation requires Cognito credentials.");
        }
    }
}
