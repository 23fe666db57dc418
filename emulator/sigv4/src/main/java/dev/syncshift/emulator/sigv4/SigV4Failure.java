package dev.syncshift.emulator.sigv4;

/**
 * A refused signature: the reason, AWS's wording for it as the message, and for a signature that does not match, what
 * the request should have been signed over.
 */
public final class SigV4Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FailureReason reason;
    private final String message;
    private final String explanation;

    SigV4Failure(FailureReason reason, String message) {
        this(reason, message, "");
    }

    SigV4Failure(FailureReason reason, String message, String explanation) {
        super(message);
        this.reason = reason;
        this.message = message;
        this.explanation = explanation;
    }

    /**
     * The message, followed for a mismatch by the canonical request and string to sign the service computed, as some
     * AWS services (AppSync among them) add them: "The Canonical String for this request should have been …".
     *
     * @return the message, with the explanation when there is one
     */
    public String explained() {
        return explanation.isEmpty() ? message : message + "\n\n" + explanation;
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
