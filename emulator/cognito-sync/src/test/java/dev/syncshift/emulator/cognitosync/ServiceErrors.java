package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** What a user of the real service sees of an error: code, status and message. */
final class ServiceErrors {

    private ServiceErrors() {
    }

    static void assertError(AwsServiceException error, String code, int status, String message) {
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
}
