package dev.syncshift.emulator.cognitosync.rules;

/**
 * An error of the emulated STS, with AWS's error name ({@code ValidationError}, {@code InvalidIdentityToken},
 * {@code AccessDenied}) and HTTP status. STS is a service of its own, with its own error names, so it is not one of
 * {@link CognitoSyncServiceException}'s.
 */
public final class StsException extends RuntimeException {

    private final String code;
    private final int status;

    StsException(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    /** A request that breaks a constraint of the API (400 ValidationError). */
    static StsException validation(String message) {
        return new StsException("ValidationError", 400, message);
    }

    /** The AWS error name. */
    public String code() {
        return code;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }
}
