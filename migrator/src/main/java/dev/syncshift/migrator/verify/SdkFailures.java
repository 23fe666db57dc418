package dev.syncshift.migrator.verify;

import dev.syncshift.migrator.config.ProxyEnvironment;
import dev.syncshift.migrator.config.SettingsCredentials;
import java.net.UnknownHostException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** One line for an operator about an AWS call that failed. */
public final class SdkFailures {

    private static final int PROXY_AUTHENTICATION_REQUIRED = 407;

    private SdkFailures() {
    }

    /**
     * What went wrong, in one line: missing credentials named as such with where they may come from, credentials
     * that could not be had as {@link SettingsCredentials} words it, a call that never reached the service marked
     * {@code unreachable} (a host name that did not resolve named as such), else the service's error as it names
     * it ({@code ResourceNotFoundException: IdentityPool '…' not found.}), without the SDK's service, status and
     * request id.
     */
    public static String describe(SdkException e) {
        return describe(e, null);
    }

    /**
     * {@link #describe(SdkException)} of a call that went through {@code proxy} (null: direct, or a proxy the
     * {@code http.proxy*} system properties name): a proxy's refusal names the variable to set, a proxy that could
     * not be reached or whose host name did not resolve is named as the proxy, not the service.
     */
    public static String describe(SdkException e, ProxyEnvironment.@Nullable Proxy proxy) {
        if (proxyRefused(e)) {
            return "the HTTP proxy " + (proxy == null ? "" : proxy.address().getAuthority() + " ")
                    + "asks for a user and password (HTTP 407) and was given none it accepts: name them in "
                    + (proxy == null ? "HTTP_PROXY" : proxy.variable()) + " (http://user:password@host:port)";
        }
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null && service.awsErrorDetails().errorMessage() != null) {
            return service.awsErrorDetails().errorCode() + ": "
                    + firstLine(service.awsErrorDetails().errorMessage());
        }
        String message = firstLine(e.getMessage());
        if (e instanceof SdkClientException && message.startsWith(SettingsCredentials.NO_CREDENTIALS)) {
            return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN "
                    + "for temporary ones), pass --profile, or run where a role provides them";
        }
        if (!(e instanceof SdkClientException) || message.startsWith(SettingsCredentials.FAILURE)) {
            return message;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException unknown) {
                // the SDK's own text says only "See cause for the exact endpoint"
                if (proxy != null && host(unknown).equalsIgnoreCase(proxy.address().getHost())) {
                    return "unreachable: the host name of the HTTP proxy " + proxy.named() + " did not resolve "
                            + "(check " + proxy.variable() + " and this machine's network)";
                }
                return "unreachable: the host name " + host(unknown) + " did not resolve (check the region, the "
                        + "endpoint options and this machine's network)";
            }
        }
        return "unreachable" + (proxy == null ? "" : " through the HTTP proxy " + proxy.named()) + ": " + message;
    }

    /**
     * Whether the service refused the caller's permissions: a 403, or an error named for it (Cognito Sync answers
     * {@code NotAuthorizedException} with 403, IAM's refusal is {@code AccessDeniedException}).
     */
    public static boolean isAccessDenied(SdkException e) {
        if (!(e instanceof AwsServiceException service)) {
            return false;
        }
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        return service.statusCode() == 403 || "AccessDeniedException".equals(code)
                || "NotAuthorizedException".equals(code);
    }

    /**
     * Whether an HTTP proxy refused the call for want of a user and password: its 407 read as the service's answer
     * (a plain http endpoint), or the tunnel to an https endpoint refused with it.
     */
    private static boolean proxyRefused(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.statusCode() == PROXY_AUTHENTICATION_REQUIRED;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("proxy") && message.contains(" " + PROXY_AUTHENTICATION_REQUIRED + " ")) {
                return true;
            }
        }
        return false;
    }

    /** The host an {@link UnknownHostException} names: Java's message is the name, sometimes with a reason after. */
    private static String host(UnknownHostException e) {
        String message = firstLine(e.getMessage());
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(0, colon);
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse(message);
    }
}
