package dev.syncshift.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.layout.SyncStoreLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sort keys in test/layout-vectors.json are the Java layout's; test/layout.test.mjs checks that the resolvers
 * (readRecords.js) compute the same ones, so the migrator and the resolvers address the same items.
 */
class LayoutVectorsTest {

    record Vector(String key, long utf8Bytes, String sortKey) {
        @Override
        public String toString() {
            return key.length() > 24 ? key.substring(0, 24) + "... (" + key.length() + " units)" : key;
        }
    }

    static Stream<Vector> vectors() throws IOException {
        JsonNode root = new ObjectMapper().readTree(ApiTemplate.MODULE.resolve("test/layout-vectors.json").toFile());
        List<Vector> vectors = new ArrayList<>();
        root.get("vectors").forEach(v -> vectors.add(
                new Vector(v.get("key").asText(), v.get("utf8Bytes").asLong(), v.get("sortKey").asText())));
        return vectors.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theJavaLayoutComputesTheSharedSortKey(Vector vector) {
        RecordKey key = new RecordKey(vector.key());

        assertThat(SyncStoreLayout.recordSortKey(key)).isEqualTo(vector.sortKey());
        assertThat(key.utf8Bytes()).isEqualTo(vector.utf8Bytes());
    }
}
