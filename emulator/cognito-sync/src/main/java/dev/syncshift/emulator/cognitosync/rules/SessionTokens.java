package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SyncSessionTokens: opaque, signed, bound to one pool, identity and dataset, valid for {@link #LIFETIME}
 * (docs/cognito-sync.md#session-tokens). ListRecords issues them; UpdateRecords requires one that matches its inputs.
 */
public final class SessionTokens {

    /** How long a token is accepted (the real lifetime is undocumented). */
    public static final Duration LIFETIME = Duration.ofHours(1);
    private static final String INVALID = "SyncSessionToken not valid for these inputs";

    private final SecretKeySpec key;
    private final Clock clock;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** Tokens signed with a key derived from {@code secret}. */
    public SessionTokens(String secret, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** A new token for the dataset. */
    public String issue(IdentityPoolId poolId, DatasetKey dataset) {
        String expires = Long.toString(clock.instant().plus(LIFETIME).getEpochSecond());
        String payload = String.join("\n", poolId.value(), dataset.identityId().value(),
                dataset.datasetName().value(), expires);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + encoder.encodeToString(
                sign(payload));
    }

    /**
     * Checks that {@code token} was issued for this dataset and has not expired.
     *
     * @throws InvalidParameterException "SyncSessionToken not valid for these inputs" otherwise
     */
    public void verify(String token, IdentityPoolId poolId, DatasetKey dataset) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            throw new InvalidParameterException(INVALID);
        }
        String payload = decode(parts[0]);
        if (!MessageDigest.isEqual(sign(payload), decodeBytes(parts[1]))) {
            throw new InvalidParameterException(INVALID);
        }
        String[] fields = payload.split("\n", -1);
        boolean bound = fields.length == 4 && fields[0].equals(poolId.value())
                && fields[1].equals(dataset.identityId().value()) && fields[2].equals(dataset.datasetName().value());
        if (!bound || expired(fields[3])) {
            throw new InvalidParameterException(INVALID);
        }
    }

    private boolean expired(String epochSecond) {
        try {
            return clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(epochSecond)));
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private byte[] sign(String payload) {
        return macs.get().doFinal(payload.getBytes(StandardCharsets.UTF_8));
    }

    // One keyed Mac per thread: looking up the provider and keying it cost more than the HMAC itself (profiled).
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String decode(String part) {
        return new String(decodeBytes(part), StandardCharsets.UTF_8);
    }

    private static byte[] decodeBytes(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(INVALID);
        }
    }
}
