package dev.syncshift.emulator.sigv4;

/** Why a signature was refused; each service maps these to its own error names and status codes. */
public enum FailureReason {
    /** Neither an {@code Authorization} header nor presigned query parameters. */
    MISSING,
    /** An authorization that lacks a part or has one in the wrong form (credential scope, date, signed headers). */
    INCOMPLETE,
    /** A credential scope for another service than the one called. */
    WRONG_SERVICE,
    /** A credential scope for another region than the one of the service called. */
    WRONG_REGION,
    /** A request signed more than 15 minutes away from now, or a presigned request past its expiry. */
    EXPIRED,
    /** An access key the service does not know, or a session token that does not belong to it. */
    UNKNOWN_CREDENTIALS,
    /** The signature is not the one the secret gives for this request. */
    SIGNATURE_MISMATCH
}
