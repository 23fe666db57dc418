package dev.syncshift.migrator.config;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static SdkHttpResponse response(int status, String errorType) {
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status);
        if (errorType != null) {
            response.putHeader("x-amzn-ErrorType", errorType);
        }
        return response.build();
    }
}
