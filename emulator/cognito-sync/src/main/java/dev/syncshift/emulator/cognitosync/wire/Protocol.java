package dev.syncshift.emulator.cognitosync.wire;

/** The two wire protocols served on one endpoint. */
enum Protocol {
    /** Cognito Sync: REST paths, JSON bodies, errors in {@code x-amzn-ErrorType}. */
    REST_JSON,
    /** Cognito Identity: {@code POST /} with {@code X-Amz-Target}, errors in {@code __type}. */
    AWS_JSON
}
