package dev.syncshift.emulator.cognitosync.rules;

/**
 * What STS GetCallerIdentity tells of the credentials that signed it.
 *
 * @param userId the principal's unique id ({@code AROA…:<session>} for an assumed role, the account for its root)
 * @param account the account the credentials belong to
 * @param arn the principal: {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}, or the account's root
 */
public record CallerIdentity(String userId, String account, String arn) {
}
