package dev.syncshift.emulator.cognitosync.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.InvalidParameterException;
import dev.syncshift.emulator.cognitosync.junit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SyncSessionTokens: what verifies, and every way a token that was not issued for these inputs is refused. */
class SessionTokensTest {

    private static final IdentityPoolId POOL = new IdentityPoolId("us-east-1:00000000-0000-4000-8000-000000000001");
    private static final IdentityId ALICE = new IdentityId("us-east-1:aaaaaaaa-0000-4000-8000-000000000001");
    private static final DatasetKey PREFS = new DatasetKey(ALICE, new DatasetName("prefs"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SessionTokens tokens = new SessionTokens("secret", clock);

    @Test
    void aTokenVerifiesForItsDatasetUntilItsLifetimeEnds() {
        String token = tokens.issue(POOL, PREFS);

        clock.advance(SessionTokens.LIFETIME);

        assertThatCode(() -> tokens.verify(token, POOL, PREFS)).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(1));
        assertRefused(token, POOL, PREFS);
    }

    @Test
    void aTokenIsBoundToItsPoolIdentityAndDataset() {
        String token = tokens.issue(POOL, PREFS);

        assertRefused(token, new IdentityPoolId("us-east-1:00000000-0000-4000-8000-000000000002"), PREFS);
        assertRefused(token, POOL, new DatasetKey(new IdentityId("us-east-1:bbbbbbbb-0000-4000-8000-000000000001"),
                PREFS.datasetName()));
        assertRefused(token, POOL, new DatasetKey(ALICE, new DatasetName("other")));
    }

    @Test
    void aTokenSignedWithAnotherKeyOrChangedIsRefused() {
        String foreign = new SessionTokens("another secret", clock).issue(POOL, PREFS);
        String token = tokens.issue(POOL, PREFS);
        String payload = token.substring(0, token.indexOf('.'));
        String longer = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (new String(Base64.getUrlDecoder().decode(payload)) + "9").getBytes());

        assertRefused(foreign, POOL, PREFS);
        assertRefused(longer + token.substring(token.indexOf('.')), POOL, PREFS);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", ".", "tok", "a.b.c", "!!!.???", "dG9r.", ".dG9r"})
    void textThatIsNoTokenIsRefused(String token) {
        assertRefused(token, POOL, PREFS);
    }

    private void assertRefused(String token, IdentityPoolId pool, DatasetKey dataset) {
        assertThatThrownBy(() -> tokens.verify(token, pool, dataset)).isInstanceOf(InvalidParameterException.class)
                .hasMessage("SyncSessionToken not valid for these inputs");
    }
}
