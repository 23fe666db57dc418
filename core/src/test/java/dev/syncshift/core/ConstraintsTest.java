package dev.syncshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConstraintsTest {

    record Rejected(String name, Supplier<Object> action, String expectedMessage) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Accepted(String name, Supplier<Object> action) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rejected> rejected() {
        String tooLongKey = "k".repeat(1025);
        return Stream.of(
                new Rejected("pool id without colon", () -> new IdentityPoolId("us-east-1"),
                        "1 validation error detected: Value 'us-east-1' at 'identityPoolId' failed to satisfy "
                                + "constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+"),
                new Rejected("pool id with upper-case hex", () -> new IdentityPoolId("us-east-1:ABCD"),
                        "1 validation error detected: Value 'us-east-1:ABCD' at 'identityPoolId' failed to satisfy "
                                + "constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+"),
                new Rejected("empty identity id", () -> new IdentityId(""),
                        "1 validation error detected: Value '' at 'identityId' failed to satisfy constraint: "
                                + "Member must have length greater than or equal to 1"),
                new Rejected("identity id of 56 characters", () -> new IdentityId("us-east-1:" + "a".repeat(46)),
                        "1 validation error detected: Value 'us-east-1:" + "a".repeat(46) + "' at 'identityId' "
                                + "failed to satisfy constraint: Member must have length less than or equal to 55"),
                new Rejected("dataset name with slash", () -> new DatasetName("a/b"),
                        "1 validation error detected: Value 'a/b' at 'datasetName' failed to satisfy constraint: "
                                + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.:-]+"),
                new Rejected("dataset name of 129 characters", () -> new DatasetName("d".repeat(129)),
                        "1 validation error detected: Value '" + "d".repeat(129) + "' at 'datasetName' failed to "
                                + "satisfy constraint: Member must have length less than or equal to 128"),
                new Rejected("key of 1,025 characters", () -> new RecordKey(tooLongKey),
                        "1 validation error detected: Value '" + "k".repeat(256) + "...' at 'key' failed to "
                                + "satisfy constraint: Member must have length less than or equal to 1024"),
                new Rejected("empty key", () -> new RecordKey(""),
                        "1 validation error detected: Value '' at 'key' failed to satisfy constraint: "
                                + "Member must have length greater than or equal to 1"),
                new Rejected("replace without value",
                        () -> new RecordPatch(Operation.REPLACE, new RecordKey("k"), null, SyncCount.ZERO, null),
                        "1 validation error detected: Value null at 'value' failed to satisfy constraint: "
                                + "Member must not be null"),
                new Rejected("value of 1,048,576 characters",
                        () -> RecordPatch.replace(new RecordKey("k"), "v".repeat(1_048_576), SyncCount.ZERO),
                        "1 validation error detected: Value '" + "v".repeat(256) + "...' at 'value' failed to "
                                + "satisfy constraint: Member must have length less than or equal to 1048575"),
                new Rejected("negative sync count", () -> new SyncCount(-1),
                        "1 validation error detected: Value '-1' at 'syncCount' failed to satisfy constraint: "
                                + "Member must have value greater than or equal to 0"),
                new Rejected("unknown op", () -> Operation.fromWire("REPLACE"),
                        "1 validation error detected: Value 'REPLACE' at 'op' failed to satisfy constraint: "
                                + "Member must satisfy enum value set: [replace, remove]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rejected(Rejected scenario) {
        assertThatThrownBy(scenario.action()::get)
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidParameterException"))
                .hasMessage(scenario.expectedMessage());
    }

    static Stream<Accepted> accepted() {
        String fourByteChar = new String(Character.toChars(0x1F600));
        return Stream.of(
                new Accepted("documented pool id",
                        () -> new IdentityPoolId("us-east-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b")),
                new Accepted("dataset name with colon and dot",
                        () -> new DatasetName("prefs.us-east-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b")),
                new Accepted("dataset name of 128 characters", () -> new DatasetName("d".repeat(128))),
                new Accepted("key of 1,024 four-byte characters", () -> new RecordKey(fourByteChar.repeat(1024))),
                new Accepted("empty value", () -> RecordPatch.replace(new RecordKey("k"), "", SyncCount.ZERO)),
                new Accepted("value of 1,048,575 characters",
                        () -> RecordPatch.replace(new RecordKey("k"), "v".repeat(1_048_575), SyncCount.ZERO)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void accepted(Accepted scenario) {
        assertThat(scenario.action().get()).isNotNull();
    }

    @Test
    void fourByteKeyCountsItsUtf8Bytes() {
        RecordKey key = new RecordKey(new String(Character.toChars(0x1F600)).repeat(1024));

        assertThat(key.utf8Bytes()).isEqualTo(4096);
    }
}
