package dev.syncshift.emulator.cognitosync.wire;

/**
 * A request refused before it reaches the rules: unreadable JSON, missing or bad authentication, unknown
 * operations, oversized bodies. Carries the AWS error name and HTTP status to render.
 */
public final class WireException extends RuntimeException {

    private final String code;
    private final int status;

    /** An error named {@code code} with HTTP {@code status}. */
    public WireException(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    /** Malformed JSON or a member of the wrong type (400 SerializationException). */
    public static WireException serialization(String message) {
        return new WireException("SerializationException", 400, message);
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
