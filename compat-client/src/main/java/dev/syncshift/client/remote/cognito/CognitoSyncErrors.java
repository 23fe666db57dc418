package dev.syncshift.client.remote.cognito;

import dev.syncshift.client.DataAccessNotAuthorizedException;
import dev.syncshift.client.DataConflictException;
import dev.syncshift.client.DataLimitExceededException;
import dev.syncshift.client.DataStorageException;
import dev.syncshift.client.DatasetNotFoundException;
import dev.syncshift.client.NetworkException;
import dev.syncshift.core.IdentityId;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitosync.model.LimitExceededException;
import software.amazon.awssdk.services.cognitosync.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitosync.model.ResourceNotFoundException;

/** The one translation of SDK failures (Cognito Sync and Cognito Identity) into the client's exceptions. */
public final class CognitoSyncErrors {

    private static final Class<? extends Throwable> IDENTITY_NOT_AUTHORIZED =
            software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException.class;
    private static final Class<? extends Throwable> IDENTITY_NOT_FOUND =
            software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException.class;

    private CognitoSyncErrors() {
    }

    /** The client exception for {@code failure} of an operation described by {@code what}; the cause is kept. */
    public static DataStorageException translate(String what, RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataStorageException storage) {
                return storage;
            }
        }
        String message = what + ": " + failure.getMessage();
        if (failure instanceof ResourceConflictException) {
            return new DataConflictException(message, failure);
        }
        if (failure instanceof ResourceNotFoundException) {
            return new DatasetNotFoundException(message, failure);
        }
        if (failure instanceof LimitExceededException) {
            return new DataLimitExceededException(message, failure);
        }
        if (failure instanceof NotAuthorizedException || hasCause(failure, IDENTITY_NOT_AUTHORIZED)) {
            return new DataAccessNotAuthorizedException(message, failure);
        }
        if (hasCause(failure, IOException.class) || hasCause(failure, UncheckedIOException.class)) {
            return new NetworkException(message, failure);
        }
        return new DataStorageException(message, failure);
    }

    /**
     * Whether {@code failure} is Cognito refusing identity {@code id} itself: "Access to Identity '<id>' is
     * forbidden." (a disabled identity: a merge joined it to another) or "Identity '<id>' not found." (deleted).
     */
    public static boolean identityGone(Throwable failure, IdentityId id) {
        String notFound = "Identity '" + id + "' not found";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                String message = String.valueOf(service.awsErrorDetails().errorMessage());
                boolean deleted = IDENTITY_NOT_FOUND.isInstance(t) && message.startsWith(notFound);
                if (deleted || id.isAccessForbidden(message)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
