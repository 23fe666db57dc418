package dev.syncshift.client;

import java.util.Locale;
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
    private static final String REFUSED_IDENTITY = "access to identity '";
    private static final String FORBIDDEN = "' is forbidden";

    private @Nullable DataStorageException refused;

    CredentialsRefusal(SyncCallback callback) {
        super(callback);
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

    private static boolean refusedCredentials(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
            if (text.contains(REFUSED_TOKEN) || (text.contains(REFUSED_IDENTITY) && text.contains(FORBIDDEN))) {
                return true;
            }
        }
        return false;
    }
}
