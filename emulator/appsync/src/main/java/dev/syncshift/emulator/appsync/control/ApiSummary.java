package dev.syncshift.emulator.appsync.control;

/**
 * What GetGraphqlApi tells of the API, less its endpoints (the server's to add).
 *
 * @param apiId the id
 * @param name the name
 * @param authenticationType the default authorization mode
 * @param arn {@code arn:aws:appsync:<region>:<account>:apis/<apiId>}
 * @param owner the account
 */
public record ApiSummary(String apiId, String name, String authenticationType, String arn, String owner) {
}
