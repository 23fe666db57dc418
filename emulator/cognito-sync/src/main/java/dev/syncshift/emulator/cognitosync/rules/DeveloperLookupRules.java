package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.InvalidParameterException;
import dev.syncshift.core.ResourceConflictException;
import dev.syncshift.emulator.cognitosync.store.StoredIdentity;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * LookupDeveloperIdentity (docs/cognito-sync.md#unlinks-and-lookups): the identity of a developer user, or the
 * developer user ids of an identity (its own and those merges linked to it), a page at a time.
 */
public final class DeveloperLookupRules {

    private final IdentityRules identities;

    /** Rules looking up the developer users of the identities of {@code identities}. */
    public DeveloperLookupRules(IdentityRules identities) {
        this.identities = identities;
    }

    /**
     * LookupDeveloperIdentity. Developer credentials only. Given a user, answers its identity and the user; given an
     * identity, answers a page of its developer user ids (sorted; 60 when MaxResults is absent); given both, answers
     * them as sent once the user is found linked to the identity.
     *
     * @throws InvalidParameterException when neither the identity nor the user is given, or a member is malformed
     * @throws ResourceNotFoundException when the pool, the identity or the user is unknown
     * @throws ResourceConflictException when the user given is not linked to the identity given
     */
    public DeveloperIdentityLookup lookupDeveloperIdentity(Caller caller, IdentityPoolId poolId,
            @Nullable String identityId, @Nullable String developerUserIdentifier, @Nullable Integer maxResults,
            @Nullable String nextToken) {
        Optional<IdentityId> id = Optional.ofNullable(identityId).map(IdentityId::new);
        Optional<String> user = Optional.ofNullable(developerUserIdentifier)
                .map(given -> IdentityConstraints.developerUserIdentifier("developerUserIdentifier", given));
        int limit = maxResults == null ? IdentityConstraints.MAX_QUERY_LIMIT : IdentityConstraints.maxResults(
                maxResults);
        IdentityConstraints.nextToken(nextToken);
        if (id.isEmpty() && user.isEmpty()) {
            throw new InvalidParameterException("Either IdentityId or DeveloperUserIdentifier must be provided.");
        }
        Access.checkDeveloper(caller);
        String provider = identities.requirePool(poolId).developerProviderName();
        if (user.isEmpty()) {
            StoredIdentity identity = identities.requireIdentityInPool(poolId, id.get());
            return page(identity, provider, limit, nextToken);
        }
        StoredIdentity found = id.isPresent() ? identities.requireIdentityInPool(poolId, id.get())
                : userIdentity(poolId, provider, user.get());
        requireLinked(found, provider, user.get());
        return new DeveloperIdentityLookup(found.id(), List.of(user.get()), null);
    }

    /**
     * The developer user ids linked to {@code identity}, sorted: the one {@code provider}'s login holds and those
     * merges linked to it.
     */
    static TreeSet<String> developerUserIds(StoredIdentity identity, @Nullable String provider) {
        TreeSet<String> users = new TreeSet<>(identity.mergedDeveloperUserIds());
        Optional.ofNullable(provider).map(identity.logins()::get).ifPresent(users::add);
        return users;
    }

    /**
     * Checks that developer user {@code user} of {@code provider} is linked to {@code identity}.
     *
     * @throws ResourceConflictException otherwise
     */
    static void requireLinked(StoredIdentity identity, @Nullable String provider, String user) {
        if (!developerUserIds(identity, provider).contains(user)) {
            throw new ResourceConflictException("Developer user '" + user + "' is not linked to Identity '"
                    + identity.id() + "'.");
        }
    }

    private StoredIdentity userIdentity(IdentityPoolId poolId, @Nullable String provider, String user) {
        if (provider == null) {
            throw new ResourceNotFoundException("IdentityPool '" + poolId + "' has no developer provider.");
        }
        return identities.requireDeveloperIdentity(poolId, provider, user);
    }

    private static DeveloperIdentityLookup page(StoredIdentity identity, @Nullable String provider, int limit,
            @Nullable String nextToken) {
        String listing = PageTokens.listing("LookupDeveloperIdentity", identity.poolId(), identity.id());
        String after = PageTokens.decode(listing, nextToken);
        TreeSet<String> users = developerUserIds(identity, provider);
        List<String> candidates = (after == null ? users : users.tailSet(after, false)).stream()
                .limit(limit + 1L).toList();
        boolean more = candidates.size() > limit;
        List<String> page = more ? candidates.subList(0, limit) : candidates;
        String next = more ? PageTokens.encode(listing, page.get(limit - 1)) : null;
        return new DeveloperIdentityLookup(identity.id(), page, next);
    }
}
