package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Record;

/** Every key and value Cognito Sync accepts comes back byte for byte, through the SDK's JSON both ways. */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class ByteExactValuesTest {

    private final CognitoSyncClient sync;
    private final CognitoIdentityClient identity;

    ByteExactValuesTest(CognitoSyncClient sync, CognitoIdentityClient identity) {
        this.sync = sync;
        this.identity = identity;
    }

    record Entry(String name, String key, String value) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Entry> entries() {
        String emoji = new String(Character.toChars(0x1F600));
        return Stream.of(
                new Entry("empty value", "k", ""),
                new Entry("largest value with a one-byte key", "k", "v".repeat(1_048_575)),
                new Entry("1,024 four-byte characters as key", emoji.repeat(1024), "v"),
                new Entry("unicode value", "名前", "Zoë " + emoji + " ⌘ \u00e9\u0301"),
                new Entry("JSON-special characters", "q\"uo\\te/", "line1\nline2\t\"x\"\\\u0000\u001f\u2028"),
                new Entry("lone surrogate-free 3-byte run", "k", "€".repeat(349_525)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void roundTripsByteForByte(Entry entry) {
        String pool = Pools.newPool(identity);
        SyncDataset dataset = new SyncDataset(sync, pool, Pools.newIdentity(identity, pool), "values");

        List<Record> written = dataset.push(replace(entry.key(), entry.value(), 0));

        Record listed = dataset.list(0).records().get(0);
        assertThat(written.get(0).value()).isEqualTo(entry.value());
        assertThat(listed.key()).isEqualTo(entry.key());
        assertThat(listed.value()).isEqualTo(entry.value());
    }
}
