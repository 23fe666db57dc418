package dev.syncshift.client;

import dev.syncshift.core.IdentityId;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A synchronize's callback that holds back a failure caused by the service refusing the device's credentials
 * ("The security token included in the request is expired", or "… is invalid": the words AWS answers with, from
 * Cognito Sync, AppSync and STS alike) or its identity ("Access to Identity '…' is forbidden.": credentials issued
 * before a merge disabled the identity), so that the manager can renew them and synchronize once more. Renewing
 * credentials of a disabled identity asks for the device's identity again. Every other call goes through.
 */
final class CredentialsRefusal extends ForwardingSyncCallback {

    private static final String REFUSED_TOKEN = "the security token included in the request is";

    private final Supplier<@Nullable IdentityId> identity;
    private @Nullable DataStorageException refused;

    /** Holds back {@code callback}'s refusals of the credentials or of {@code identity}, the device's, if known. */
    CredentialsRefusal(SyncCallback callback, Supplier<@Nullable IdentityId> identity) {
        super(callback);
        this.identity = identity;
    }

    /** The failure held back, or null when the synchronize ended otherwise. */
    @Nullable DataStorageException refused() {
        return refused;
    }

    @Override
    public void onFailure(DataStorageException exception) {
        if (refusedCredentials(exception)) {
            refused = exception;
        } else {
            super.onFailure(exception);
        }
    }

    private boolean refusedCredentials(Throwable failure) {
        IdentityId device = identity.get();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.toLowerCase(Locale.ROOT).contains(REFUSED_TOKEN)
                    || (device != null && device.isAccessForbidden(message)))) {
                return true;
            }
        }
        return false;
    }
}
