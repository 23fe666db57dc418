package dev.syncshift.client;

/** The conformance suite on the {@code cognito} backend (Cognito Sync through the AWS SDK). */
class CognitoConformanceTest extends SyncConformanceContract {

    @Override
    Backend backend() {
        return Backend.COGNITO;
    }
}
