package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.InvalidParameterException;
import dev.syncshift.emulator.cognitosync.store.StoredCognitoProvider;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The Cognito Identity model's member constraints (docs/cognito-sync.md#wire-protocol) beyond the id types of core. */
public final class IdentityConstraints {

    /** QueryLimit: ListIdentities' and ListIdentityPools' MaxResults. */
    public static final int MAX_QUERY_LIMIT = 60;
    private static final int MAX_LOGINS = 10;
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d+");
    private static final Pattern DEVELOPER_PROVIDER = Pattern.compile("[\\w._-]+");
    private static final Pattern PROVIDER_ID = Pattern.compile("[\\w.;_/-]+");
    private static final Pattern PAGINATION_KEY = Pattern.compile("[\\S]+");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern COGNITO_PROVIDER_NAME = Pattern.compile("[\\w._:/-]+");
    private static final Pattern CLIENT_ID = Pattern.compile("[\\w_]+");
    private static final int MAX_TAGS = 50;

    private IdentityConstraints() {
    }

    /** MaxResults: required, 1..60. */
    public static int maxResults(@Nullable Integer maxResults) {
        return (int) Constraints.range("maxResults", Constraints.required("maxResults", maxResults), 1,
                MAX_QUERY_LIMIT);
    }

    /** NextToken: absent, or 1..65535 non-blank characters. */
    public static @Nullable String nextToken(@Nullable String nextToken) {
        if (nextToken != null) {
            Constraints.length("nextToken", nextToken, 1, 65_535);
            Constraints.pattern("nextToken", nextToken, PAGINATION_KEY);
        }
        return nextToken;
    }

    /** The identity id a NextToken of ListIdentities continues after, in {@code listing} (PageTokens#listing). */
    public static @Nullable IdentityId identityCursor(String listing, @Nullable String nextToken) {
        String cursor = PageTokens.decode(listing, nextToken(nextToken));
        if (cursor == null) {
            return null;
        }
        try {
            return new IdentityId(cursor);
        } catch (InvalidParameterException e) {
            throw PageTokens.invalid(nextToken);
        }
    }

    /**
     * IdentityIdsToDelete (DeleteIdentities): required, 1..60 identity ids, each 1..55 characters of
     * {@code [\w-]+:[0-9a-f-]+}.
     *
     * @return the ids, in the order given
     */
    public static List<IdentityId> identityIdsToDelete(@Nullable List<String> ids) {
        String member = "identityIdsToDelete";
        List<String> given = Constraints.required(member, ids);
        size(member, given.size(), 1, MAX_QUERY_LIMIT);
        given.forEach(id -> Constraints.pattern(member, Constraints.length(member, id, 1, 55),
                IdentityPoolId.PATTERN));
        return given.stream().map(IdentityId::new).toList();
    }

    /** AccountId: absent, or 1..15 digits. */
    public static void accountId(@Nullable String accountId) {
        if (accountId != null) {
            Constraints.length("accountId", accountId, 1, 15);
            Constraints.pattern("accountId", accountId, ACCOUNT_ID);
        }
    }

    /** DeveloperProviderName: 1..128 of {@code [\w._-]}. */
    public static String developerProviderName(String member, String name) {
        Constraints.length(member, name, 1, 128);
        return Constraints.pattern(member, name, DEVELOPER_PROVIDER);
    }

    /** DeveloperUserIdentifier: 1..1024 characters. */
    public static String developerUserIdentifier(String member, String user) {
        return Constraints.length(member, user, 1, 1024);
    }

    /**
     * LoginsList (UnlinkIdentity's LoginsToRemove): required, provider names of 1..128 characters.
     *
     * @return the names, in the order given
     */
    public static List<String> loginsToRemove(@Nullable List<String> names) {
        String member = "loginsToRemove";
        Constraints.required(member, names).forEach(name -> Constraints.length(member,
                Constraints.required(member, name), 1, 128));
        return List.copyOf(names);
    }

    /** LoginsMap: at most 10 providers, names 1..128, tokens 1..50000; absent reads as empty. */
    public static Map<String, String> logins(@Nullable Map<String, String> logins) {
        if (logins == null) {
            return Map.of();
        }
        mapSize("logins", logins);
        logins.forEach((provider, token) -> {
            Constraints.length("logins", provider, 1, 128);
            Constraints.length("logins", Constraints.required("logins", token), 1, 50_000);
        });
        return Map.copyOf(logins);
    }

    /** IdentityProviders (SupportedLoginProviders): at most 10, names 1..128, ids 1..128 of {@code [\w.;_/-]}. */
    public static Map<String, String> supportedLoginProviders(@Nullable Map<String, String> providers) {
        if (providers == null) {
            return Map.of();
        }
        mapSize("supportedLoginProviders", providers);
        providers.forEach((provider, id) -> {
            Constraints.length("supportedLoginProviders", provider, 1, 128);
            Constraints.length("supportedLoginProviders", Constraints.required("supportedLoginProviders", id), 1,
                    128);
            Constraints.pattern("supportedLoginProviders", id, PROVIDER_ID);
        });
        return Map.copyOf(providers);
    }

    /** A list of ARNs, each 20..2048 characters; absent reads as empty. */
    public static List<String> arns(String member, @Nullable List<String> arns) {
        if (arns == null) {
            return List.of();
        }
        arns.forEach(arn -> Constraints.length(member, Constraints.required(member, arn), 20, 2048));
        return List.copyOf(arns);
    }

    /** An optional ARNString (CustomRoleArn): absent, or 20..2048 characters. */
    public static void optionalArn(String member, @Nullable String arn) {
        if (arn != null) {
            Constraints.length(member, arn, 20, 2048);
        }
    }

    /** IdentityPoolTags: at most 50, keys 1..128 and values 0..256 of letters, digits, spaces and {@code _.:/=+-@}. */
    public static Map<String, String> identityPoolTags(@Nullable Map<String, String> tags) {
        return tags("identityPoolTags", tags, 0);
    }

    /** PrincipalTags: at most 50, keys 1..128 and values 1..256 characters. */
    public static Map<String, String> principalTags(@Nullable Map<String, String> tags) {
        if (tags == null) {
            return Map.of();
        }
        mapSize("principalTags", tags, MAX_TAGS);
        tags.forEach((key, value) -> {
            Constraints.length("principalTags", key, 1, 128);
            Constraints.length("principalTags", Constraints.required("principalTags", value), 1, 256);
        });
        return Map.copyOf(tags);
    }

    /**
     * A CognitoIdentityProvider: ProviderName 1..128 of {@code [\w._:/-]}, ClientId 1..128 of {@code [\w_]}.
     *
     * @return the provider as stored
     */
    public static StoredCognitoProvider cognitoIdentityProvider(PoolSettings.CognitoProvider provider) {
        String member = "cognitoIdentityProviders";
        String providerName = Constraints.length(member + ".providerName",
                Constraints.required(member + ".providerName", provider.providerName()), 1, 128);
        Constraints.pattern(member + ".providerName", providerName, COGNITO_PROVIDER_NAME);
        String clientId = Constraints.length(member + ".clientId",
                Constraints.required(member + ".clientId", provider.clientId()), 1, 128);
        Constraints.pattern(member + ".clientId", clientId, CLIENT_ID);
        return new StoredCognitoProvider(providerName, clientId, provider.serverSideTokenCheck());
    }

    private static Map<String, String> tags(String member, @Nullable Map<String, String> tags, int minValue) {
        if (tags == null) {
            return Map.of();
        }
        mapSize(member, tags, MAX_TAGS);
        tags.forEach((key, value) -> {
            Constraints.pattern(member, Constraints.length(member, key, 1, 128), TAG);
            Constraints.pattern(member, Constraints.length(member, Constraints.required(member, value), minValue,
                    256), TAG);
        });
        return Map.copyOf(tags);
    }

    private static void mapSize(String member, Map<String, String> map) {
        mapSize(member, map, MAX_LOGINS);
    }

    private static void mapSize(String member, Map<String, String> map, int max) {
        size(member, map.size(), 0, max);
    }

    /** A list's or map's number of members, in the words of AWS's validation of a member's length. */
    private static void size(String member, int size, int min, int max) {
        if (size < min) {
            throw new InvalidParameterException("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        }
        if (size > max) {
            throw new InvalidParameterException("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
    }
}
