package dev.syncshift.emulator.cognitosync.rules;

/**
 * An error of the emulated services that is not a contract violation of {@code core} (those are
 * {@link dev.syncshift.core.ContractViolationException}). {@link #code()} is the exact AWS error name; the message
 * is AWS's text. Cognito Identity's errors share these names, so one hierarchy serves both services.
 *
 * <p>Only the rules layer throws these; the wire layer renders them.
 */
public abstract sealed class CognitoSyncServiceException extends RuntimeException
        permits AlreadyStreamedException, ConcurrentModificationException, DuplicateRequestException,
        DeveloperUserAlreadyRegisteredException,
        ExternalServiceException, InternalErrorException, InvalidConfigurationException,
        InvalidIdentityPoolConfigurationException, NotAuthorizedException, ResourceNotFoundException,
        TooManyRequestsException {

    CognitoSyncServiceException(String message) {
        super(message, null, false, false);
    }

    /** The wire error name, for example {@code ResourceNotFoundException}. */
    public abstract String code();
}
