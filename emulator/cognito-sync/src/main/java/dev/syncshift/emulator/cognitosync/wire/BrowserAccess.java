package dev.syncshift.emulator.cognitosync.wire;

import java.time.Duration;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.CrossOriginHandler;

/**
 * Cross-origin access, as Cognito's endpoints allow the AWS SDK for JavaScript in browsers: pages of any origin may
 * call, a preflight is answered with the headers the SDK's signed requests carry (listed, since a wildcard never
 * covers {@code authorization}), and answers expose the service's headers. No credentials: SigV4 is a header.
 */
public final class BrowserAccess {

    private BrowserAccess() {
    }

    /**
     * Puts cross-origin handling in front of {@code handler}.
     *
     * @param handler the emulator's handler
     * @return the handler to give the server
     */
    public static Handler around(Handler handler) {
        CrossOriginHandler browsers = new CrossOriginHandler();
        browsers.setAllowedOriginPatterns(Set.of("*"));
        browsers.setAllowedMethods(Set.of("GET", "POST", "DELETE"));
        browsers.setAllowedHeaders(Set.of("authorization", "content-type", "x-amz-target", "x-amz-date",
                "x-amz-security-token", "x-amz-content-sha256", "x-amz-user-agent", "x-amz-client-context",
                "amz-sdk-invocation-id", "amz-sdk-request"));
        browsers.setExposedHeaders(Set.of("x-amzn-RequestId", "x-amzn-ErrorType", "x-amzn-ErrorMessage", "Date"));
        browsers.setPreflightMaxAge(Duration.ofDays(2));
        browsers.setHandler(handler);
        return browsers;
    }
}
