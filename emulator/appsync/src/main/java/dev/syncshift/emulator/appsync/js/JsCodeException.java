package dev.syncshift.emulator.appsync.js;

/** Resolver code the APPSYNC_JS runtime refuses: AppSync's message, then what is wrong where. */
public final class JsCodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    JsCodeException(String message) {
        super(message);
    }
}
