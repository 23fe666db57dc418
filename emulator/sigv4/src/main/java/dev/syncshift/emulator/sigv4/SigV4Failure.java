package dev.syncshift.emulator.sigv4;

/** A refused signature: the reason, and AWS's wording for it as the message. */
public final class SigV4Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FailureReason reason;
    private final String message;

    SigV4Failure(FailureReason reason, String message) {
        super(message);
        this.reason = reason;
        this.message = message;
    }

    /** AWS's wording: never null, as each is made with one. */
    @Override
    public String getMessage() {
        return message;
    }

    /**
     * Why the signature was refused.
     *
     * @return the reason
     */
    public FailureReason reason() {
        return reason;
    }
}
