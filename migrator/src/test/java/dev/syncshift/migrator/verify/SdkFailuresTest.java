package dev.syncshift.migrator.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.config.ProxyEnvironment;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.appsync.model.NotFoundException;

/** One line for an operator about a failed AWS call, built from the exceptions the SDK throws. */
class SdkFailuresTest {

    @Test
    void aHostThatDoesNotResolveIsNamed() {
        // the shape the SDK throws: its advice text on top, the JDK's exception naming the host underneath
        SdkClientException e = SdkClientException.builder().message("Received an UnknownHostException when "
                + "attempting to interact with a service. See cause for the exact endpoint that is failing to "
                + "resolve.").cause(new UnknownHostException("appsync.eu-west-3.amazonaws.com: Name or service not "
                + "known")).build();

        assertThat(SdkFailures.describe(e)).isEqualTo("unreachable: the host name appsync.eu-west-3.amazonaws.com did "
                + "not resolve (check the region, the endpoint options and this machine's network)");
    }

    @Test
    void otherCallsThatNeverArrivedKeepTheSdksFirstLineAndServiceErrorsTheirMessage() {
        SdkClientException refused = SdkClientException.builder().message("Unable to execute HTTP request: Connect to "
                + "127.0.0.1:1 failed: Connection refused\nmore").cause(new ConnectException("refused")).build();
        NotFoundException missing = (NotFoundException) NotFoundException.builder().message("GraphQL API x not found.")
                .awsErrorDetails(AwsErrorDetails.builder().errorMessage("GraphQL API x not found.").build()).build();

        assertThat(SdkFailures.describe(refused)).isEqualTo("unreachable: Unable to execute HTTP request: Connect to "
                + "127.0.0.1:1 failed: Connection refused");
        assertThat(SdkFailures.describe(missing)).startsWith("GraphQL API x not found.");
    }

    /**
     * A proxy that wants a user and password: its 407 read as the service's answer (a plain http endpoint), or the
     * tunnel to an https endpoint refused with it, in the words of the Apache client the migrator uses.
     */
    @Test
    void aProxyAskingForAPasswordIsNamedWhicheverWayItsRefusalCame() {
        AwsServiceException answered = AwsServiceException.builder().statusCode(407)
                .message("Service returned HTTP status code 407").build();
        SdkClientException tunnel = SdkClientException.builder().message("Unable to execute HTTP request: CONNECT "
                + "refused by proxy: HTTP/1.1 407 Proxy Authentication Required").cause(new IOException("CONNECT "
                + "refused by proxy: HTTP/1.1 407 Proxy Authentication Required")).build();
        String named = "the HTTP proxy asks for a user and password (HTTP 407) and was given none it accepts: name "
                + "them in HTTP_PROXY (http://user:password@host:port)";

        assertThat(SdkFailures.describe(answered)).isEqualTo(named);
        assertThat(SdkFailures.describe(tunnel)).isEqualTo(named);
        assertThat(SdkFailures.describe(serviceError(400, "InvalidParameterException"))).doesNotContain("proxy");
        assertThat(SdkFailures.describe(SdkClientException.builder().message("Unable to execute HTTP request: "
                + "Connect to proxy.example:3128 failed: Connection refused").build())).startsWith("unreachable: ");
    }

    /** A call through a proxy that failed there names the proxy and the variable that named it, not the service. */
    @Test
    void aProxyTheCallWentThroughIsNamedWithItsVariable() {
        ProxyEnvironment.Proxy proxy = new ProxyEnvironment.Proxy("https_proxy", URI.create("http://proxy.corp:3128"),
                "migrator", "s3cret");
        SdkClientException unresolved = SdkClientException.builder().message("Received an UnknownHostException")
                .cause(new UnknownHostException("proxy.corp: Name or service not known")).build();
        SdkClientException refused = SdkClientException.builder().message("Unable to execute HTTP request: Connect to "
                + "proxy.corp:3128 failed: Connection refused").cause(new ConnectException("refused")).build();
        AwsServiceException answered = AwsServiceException.builder().statusCode(407)
                .message("Service returned HTTP status code 407").build();

        assertThat(SdkFailures.describe(unresolved, proxy)).isEqualTo("unreachable: the host name of the HTTP proxy "
                + "proxy.corp:3128 (https_proxy) did not resolve (check https_proxy and this machine's network)");
        assertThat(SdkFailures.describe(refused, proxy)).isEqualTo("unreachable through the HTTP proxy "
                + "proxy.corp:3128 (https_proxy): Unable to execute HTTP request: Connect to proxy.corp:3128 failed: "
                + "Connection refused");
        assertThat(SdkFailures.describe(answered, proxy)).isEqualTo("the HTTP proxy proxy.corp:3128 asks for a user "
                + "and password (HTTP 407) and was given none it accepts: name them in https_proxy "
                + "(http://user:password@host:port)");
        assertThat(SdkFailures.describe(serviceError(400, "InvalidParameterException"), proxy))
                .isEqualTo("InvalidParameterException: InvalidParameterException").doesNotContain("s3cret");
    }

    @Test
    void onlyARefusalOfTheCallersPermissionsIsAccessDenied() {
        assertThat(SdkFailures.isAccessDenied(serviceError(403, "AccessDeniedException"))).isTrue();
        assertThat(SdkFailures.isAccessDenied(serviceError(400, "AccessDeniedException"))).isTrue();
        assertThat(SdkFailures.isAccessDenied(serviceError(403, "NotAuthorizedException"))).isTrue();
        assertThat(SdkFailures.isAccessDenied(serviceError(429, "TooManyRequestsException"))).isFalse();
        assertThat(SdkFailures.isAccessDenied(serviceError(500, "InternalErrorException"))).isFalse();
        assertThat(SdkFailures.isAccessDenied(SdkClientException.create("Unable to execute HTTP request"))).isFalse();
    }

    private static AwsServiceException serviceError(int status, String code) {
        return AwsServiceException.builder().statusCode(status).message(code)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }
}
