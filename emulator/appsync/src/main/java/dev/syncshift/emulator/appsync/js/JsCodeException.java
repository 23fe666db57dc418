package dev.syncshift.emulator.appsync.js;

/** Resolver code the APPSYNC_JS runtime refuses: AppSync's message, then what is wrong where. */
public final class JsCodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String message;

    JsCodeException(String message) {
        super(message);
        this.message = message;
    }

    /** AppSync's message and what is wrong where: never null, as each is made with one. */
    @Override
    public String getMessage() {
        return message;
    }
}
