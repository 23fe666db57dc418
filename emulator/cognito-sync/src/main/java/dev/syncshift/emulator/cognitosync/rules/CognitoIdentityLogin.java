package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The login {@code cognito-identity.amazonaws.com: <OpenID token>} with which a device of a developer-authenticated
 * user presents the token its backend got from GetOpenIdTokenForDeveloperIdentity. It names the identity in its
 * {@code sub} claim and stops being valid at its {@code exp} claim, as AWS's tokens do; it is never linked as a
 * login of its own.
 */
final class CognitoIdentityLogin {

    static final String PROVIDER = "cognito-identity.amazonaws.com";
    private static final Pattern SUBJECT = Pattern.compile("\"sub\":\"([^\"]+)\"");
    private static final Pattern EXPIRY = Pattern.compile("\"exp\":(\\d{1,18})[,}]");

    private CognitoIdentityLogin() {
    }

    /**
     * The identity the presented token names, if a token is presented.
     *
     * @param now the service's time, which must be before the token's expiry
     * @throws NotAuthorizedException when the token is not one of ours, or it expired
     */
    static Optional<IdentityId> subject(Map<String, String> logins, Instant now) {
        String token = logins.get(PROVIDER);
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        try {
            String claims = parts.length == 3 ? new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8) : "";
            Matcher subject = SUBJECT.matcher(claims);
            Matcher expiry = EXPIRY.matcher(claims);
            if (subject.find() && expiry.find()) {
                long expires = Long.parseLong(expiry.group(1));
                if (now.getEpochSecond() >= expires) {
                    throw new NotAuthorizedException("Invalid login token. Token expired: " + now.getEpochSecond()
                            + " >= " + expires);
                }
                return Optional.of(new IdentityId(subject.group(1)));
            }
        } catch (IllegalArgumentException | InvalidParameterException e) {
            throw invalid();
        }
        throw invalid();
    }

    /**
     * {@code logins} without the token login.
     *
     * @throws NotAuthorizedException when the token login is not one of our tokens, or it expired
     */
    static Map<String, String> withoutToken(Map<String, String> logins, Instant now) {
        if (subject(logins, now).isEmpty()) {
            return logins;
        }
        Map<String, String> rest = new HashMap<>(logins);
        rest.remove(PROVIDER);
        return Map.copyOf(rest);
    }

    private static NotAuthorizedException invalid() {
        return new NotAuthorizedException("Invalid login token. Not a valid OpenId Connect identity token.");
    }
}
