package dev.syncshift.client.remote.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client's copy of importDataset's per-record rule ({@link ImportState#applies}) decides every case of
 * graphql/test/import-rule-vectors.json as the resolver does: import-rule.test.mjs checks the same cases against
 * writePush.js, so the effect the client computes before an import is the one the store applies.
 */
class ImportRuleVectorsTest {

    private static final Path VECTORS = Path.of("../graphql/test/import-rule-vectors.json");

    record Case(String why, ImportState state, long watermark, String identity, Record record,
            @Nullable Record stored, boolean applies) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<Case> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(VECTORS.toFile());
        List<Case> cases = new ArrayList<>();
        root.get("cases").forEach(c -> cases.add(new Case(c.get("why").asText(), state(c.get("dataset")),
                c.get("watermark").asLong(), c.get("identity").asText(), record(c.get("record")),
                c.get("stored").isNull() ? null : record(c.get("stored")), c.get("applies").asBoolean())));
        return cases.stream();
    }

    private static ImportState state(JsonNode dataset) {
        if (dataset.isNull()) {
            return ImportState.ABSENT;
        }
        JsonNode importedAt = dataset.get("importedAt");
        JsonNode from = dataset.get("writeBackFrom");
        ImportState.WriteBackMark mark = from.isNull() ? null
                : new ImportState.WriteBackMark(from.asLong(), dataset.get("writeBackOver").asLong());
        return new ImportState(dataset.get("syncCount").asLong(), dataset.get("sourceWatermark").asLong(),
                dataset.get("copiedUpTo").asLong(), 0, importedAt.isNull() ? null : importedAt.asLong(),
                dataset.get("renumbered").asBoolean(), dataset.get("generation").asLong(), mark);
    }

    private static Record record(JsonNode record) {
        JsonNode value = record.get("value");
        return new Record(new RecordKey(record.get("key").asText()), value.isNull() ? null : value.asText(),
                new SyncCount(record.get("syncCount").asLong()),
                Instant.ofEpochMilli(record.get("lastModifiedDate").asLong()), record.get("lastModifiedBy").asText(),
                null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theClientDecidesEachCaseAsTheResolver(Case vector) {
        assertThat(vector.state().applies(vector.record(), vector.stored(), vector.watermark(), vector.identity()))
                .as(vector.why())
                .isEqualTo(vector.applies());
    }
}
