package dev.syncshift.migrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.config.RateLimitInterceptor.BodyThrottle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpResponse;

/** Which answers tell the pacing that the service throttled an attempt. */
class RateLimitInterceptorTest {

    @Test
    void cognitoSyncs429AndAThrottlingErrorTypeAreThrottlesOtherErrorsAreNot() {
        assertThat(RateLimitInterceptor.throttled(response(429, null))).isTrue();
        assertThat(RateLimitInterceptor.throttled(response(400, "ThrottlingException:http://internal.amazon.com/")))
                .isTrue();
        assertThat(RateLimitInterceptor.throttled(response(400, "TooManyRequestsException"))).isTrue();
        assertThat(RateLimitInterceptor.throttled(response(400, "ValidationException"))).isFalse();
        assertThat(RateLimitInterceptor.throttled(response(500, "InternalErrorException"))).isFalse();
        assertThat(RateLimitInterceptor.throttled(response(200, null))).isFalse();
    }

    @Test
    void dynamoDbsThrottlesAreNamedInTheBodyOnlyAsATypeOrATransactionsCancellationReasons() {
        BodyThrottle none = BodyThrottle.NONE;
        assertThat(RateLimitInterceptor.throttledBody(bytes("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                + "ProvisionedThroughputExceededException\",\"message\":\"The level of configured provisioned "
                + "throughput for the table was exceeded.\"}"))).isEqualTo(BodyThrottle.ERROR_TYPE);
        assertThat(RateLimitInterceptor.throttledBody(bytes("{\"__type\":\"com.amazon.coral.availability#"
                + "ThrottlingException\"}"))).isEqualTo(BodyThrottle.ERROR_TYPE);
        assertThat(RateLimitInterceptor.throttledBody(bytes("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                + "TransactionCanceledException\",\"CancellationReasons\":[{\"Code\":\"None\"},"
                + "{\"Code\":\"ThrottlingError\",\"Message\":\"Throughput exceeds the current capacity of your "
                + "table or index.\"}]}"))).isEqualTo(BodyThrottle.CANCELLED_TRANSACTION);
        assertThat(RateLimitInterceptor.throttledBody(bytes("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                + "TransactionCanceledException\",\"CancellationReasons\":[{\"Code\":\"ConditionalCheckFailed\"}"
                + "]}"))).isEqualTo(none);
        assertThat(RateLimitInterceptor.throttledBody(bytes("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                + "ValidationException\"}"))).isEqualTo(none);
        assertThat(RateLimitInterceptor.throttledBody(bytes("<html>Bad Request</html>"))).isEqualTo(none);
        assertThat(RateLimitInterceptor.throttledBody(new byte[0])).isEqualTo(none);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static SdkHttpResponse response(int status, String errorType) {
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status);
        if (errorType != null) {
            response.putHeader("x-amzn-ErrorType", errorType);
        }
        return response.build();
    }
}
