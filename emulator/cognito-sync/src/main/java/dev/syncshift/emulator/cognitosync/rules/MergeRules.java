package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetSnapshot;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.ResourceConflictException;
import dev.syncshift.core.SyncCount;
import dev.syncshift.emulator.cognitosync.store.DatasetStore;
import dev.syncshift.emulator.cognitosync.store.IdentityStore;
import dev.syncshift.emulator.cognitosync.store.StoredDataset;
import dev.syncshift.emulator.cognitosync.store.StoredIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * MergeDeveloperIdentities (docs/cognito-sync.md#merges): the source identity's logins move to the destination
 * identity and the source stays behind disabled, without logins or datasets: listed by ListIdentities unless
 * HideDisabled, refused credentials, tokens and writes ("Access to Identity '<id>' is forbidden."). Its datasets move
 * along as {@code <dataset>.<sourceIdentityId>}, reported in ListRecords' MergedDatasetNames until the app deletes
 * the copy (or {@code <dataset>} itself). Each copy is a new dataset of the survivor: its records keep their counts,
 * its own count starts at 1, as AWS's does (a count that may lie below its records').
 *
 * <p>Merged datasets take dataset slots, as on the real service: a survivor may end up holding more than
 * {@link dev.syncshift.core.SyncLimits#MAX_DATASETS_PER_IDENTITY}; it can still write them all, but creates no
 * new dataset until it is below the limit again.
 */
public final class MergeRules {

    /** The most linked logins the source and destination users of MergeDeveloperIdentities may have together. */
    public static final int MAX_MERGED_LINKED_LOGINS = 20;

    /** The dataset count of a merged copy, whatever its records' counts. */
    private static final SyncCount MERGED_COPY_COUNT = new SyncCount(1);

    private final IdentityStore identityStore;
    private final DatasetStore datasets;
    private final IdentityRules identities;
    private final Clock clock;

    /** Rules merging identities of {@code identityStore} and their datasets in {@code datasets}. */
    public MergeRules(IdentityStore identityStore, DatasetStore datasets, IdentityRules identities, Clock clock) {
        this.identityStore = identityStore;
        this.datasets = datasets;
        this.identities = identities;
        this.clock = clock;
    }

    /**
     * MergeDeveloperIdentities. Developer credentials only.
     *
     * @return the destination identity, which now holds the source's logins and datasets
     * @throws ResourceNotFoundException when the pool, its developer provider or either user is unknown
     * @throws ResourceConflictException when both identities are linked to different users of one provider, or
     *     have more than {@link #MAX_MERGED_LINKED_LOGINS} linked logins together
     */
    public IdentityId mergeDeveloperIdentities(Caller caller, IdentityPoolId poolId,
            @Nullable String developerProviderName, @Nullable String sourceUserIdentifier,
            @Nullable String destinationUserIdentifier) {
        String provider = IdentityConstraints.developerProviderName("developerProviderName",
                Constraints.required("developerProviderName", developerProviderName));
        String source = userIdentifier("sourceUserIdentifier", sourceUserIdentifier);
        String destination = userIdentifier("destinationUserIdentifier", destinationUserIdentifier);
        Access.checkDeveloper(caller);
        identities.requireDeveloperProvider(poolId, provider);
        return identityStore.locked(() -> {
            StoredIdentity from = identities.requireDeveloperIdentity(poolId, provider, source);
            StoredIdentity into = identities.requireDeveloperIdentity(poolId, provider, destination);
            if (!from.id().equals(into.id())) {
                requireLinkedLoginsWithinLimit(from, into);
                merge(from, into, provider);
            }
            return into.id();
        });
    }

    /**
     * What GetCredentialsForIdentity and GetOpenIdToken do with the logins they are given: an unauthenticated
     * identity presenting logins that belong to no identity becomes linked to them; one presenting logins of
     * another identity is merged into that identity, which the call then continues with. Identities already
     * linked to logins are left as they are (the caller checks the logins presented).
     *
     * @return the identity the call continues with
     * @throws ResourceNotFoundException when the identity does not exist
     * @throws NotAuthorizedException when the identity, or the one owning the logins, is disabled
     */
    public IdentityId linkOrMerge(IdentityId identityId, @Nullable Map<String, String> logins) {
        Map<String, String> presented = CognitoIdentityLogin.withoutToken(IdentityConstraints.logins(logins),
                clock.instant());
        StoredIdentity identity = CredentialRules.requireEnabled(identities.requireIdentity(identityId));
        if (presented.isEmpty() || !identity.logins().isEmpty()) {
            return identityId;
        }
        return identityStore.locked(() -> {
            StoredIdentity current = identities.requireIdentity(identityId);
            Optional<StoredIdentity> owner = identities.linkedIdentity(current.poolId(), presented);
            if (owner.isEmpty()) {
                identityStore.putIdentity(current.linked(presented, current.mergedDeveloperUserIds(),
                        clock.instant()));
                return identityId;
            }
            CredentialRules.requireEnabled(owner.get());
            if (!owner.get().id().equals(identityId)) {
                String provider = identities.requirePool(current.poolId()).developerProviderName();
                merge(current, owner.get(), provider);
            }
            return owner.get().id();
        });
    }

    /** AWS's documented limit: the two users' linked logins together, developer user ids included, at most 20. */
    private static void requireLinkedLoginsWithinLimit(StoredIdentity from, StoredIdentity into) {
        int linked = linkedLogins(from) + linkedLogins(into);
        if (linked > MAX_MERGED_LINKED_LOGINS) {
            throw new ResourceConflictException("The source and destination users together have " + linked
                    + " linked logins; at most " + MAX_MERGED_LINKED_LOGINS + " may be merged.");
        }
    }

    private static int linkedLogins(StoredIdentity identity) {
        return identity.logins().size() + identity.mergedDeveloperUserIds().size();
    }

    private void merge(StoredIdentity from, StoredIdentity into, @Nullable String provider) {
        Map<String, String> logins = mergedLogins(from, into, provider);
        Set<String> developerUsers = new HashSet<>(into.mergedDeveloperUserIds());
        developerUsers.addAll(from.mergedDeveloperUserIds());
        Optional.ofNullable(provider).map(from.logins()::get).ifPresent(developerUsers::add);
        Instant now = clock.instant();
        bothLocked(from.id(), into.id(), () -> {
            moveDatasets(from, into);
            identityStore.putIdentity(into.linked(logins, developerUsers, now));
            identityStore.putIdentity(from.mergedAway(now));
            return null;
        });
    }

    private static Map<String, String> mergedLogins(StoredIdentity from, StoredIdentity into,
            @Nullable String provider) {
        Map<String, String> logins = new HashMap<>(into.logins());
        from.logins().forEach((name, user) -> {
            if (name.equals(provider)) {
                return;
            }
            String linked = logins.putIfAbsent(name, user);
            if (linked != null && !linked.equals(user)) {
                throw new ResourceConflictException("The identities are linked to different users of the "
                        + "same provider: " + name);
            }
        });
        return logins;
    }

    private void moveDatasets(StoredIdentity from, StoredIdentity into) {
        List<StoredDataset> moving = datasets.list(from.id()).stream().filter(StoredDataset::exists).toList();
        List<StoredDataset> moved = moving.stream().map(dataset -> mergedCopy(dataset, new DatasetKey(into.id(),
                dataset.key().datasetName().mergedFrom(from.id())), from.id())).toList();
        datasets.list(from.id()).forEach(dataset -> datasets.remove(dataset.key()));
        moved.forEach(datasets::put);
    }

    /**
     * The copy a merge leaves the survivor of an existing {@code dataset} of identity {@code from}, under {@code key}
     * ({@code <dataset>.<from>}): a new dataset of the survivor, its records at their counts, its own count
     * {@link #MERGED_COPY_COUNT} and no deletion behind it, reporting the merge.
     */
    public static StoredDataset mergedCopy(StoredDataset dataset, DatasetKey key, IdentityId from) {
        DatasetSnapshot copy = new DatasetSnapshot(MERGED_COPY_COUNT, dataset.snapshot().records());
        return new StoredDataset(dataset.poolId(), key, true, copy, dataset.creationDate(),
                dataset.lastModifiedDate(), dataset.lastModifiedBy(), null, from);
    }

    private <T> T bothLocked(IdentityId one, IdentityId other, Supplier<T> action) {
        boolean oneFirst = one.value().compareTo(other.value()) < 0;
        IdentityId first = oneFirst ? one : other;
        IdentityId second = oneFirst ? other : one;
        return datasets.locked(first, () -> datasets.locked(second, action));
    }

    private static String userIdentifier(String member, @Nullable String user) {
        return IdentityConstraints.developerUserIdentifier(member, Constraints.required(member, user));
    }
}
