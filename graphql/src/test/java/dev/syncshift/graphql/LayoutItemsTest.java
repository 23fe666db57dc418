package dev.syncshift.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.AttributeValue;
import dev.syncshift.core.layout.BooleanAttribute;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.Item;
import dev.syncshift.core.layout.NumberAttribute;
import dev.syncshift.core.layout.RecordItems;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.StringAttribute;
import dev.syncshift.core.layout.SyncStoreLayout;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The core layout writes the same items as the resolvers for the same dataset state (test/layout-items.json, which
 * test/layout-items.test.mjs checks against the resolvers run under node): the migrator and the API share one store.
 */
class LayoutItemsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theCoreLayoutWritesTheItemsTheResolversWrite() throws IOException {
        JsonNode golden = json.readTree(ApiTemplate.MODULE.resolve("test/layout-items.json").toFile());
        IdentityId identity = new IdentityId(golden.get("identityId").asText());
        DatasetName dataset = new DatasetName(golden.get("datasetName").asText());
        Instant now = Instant.ofEpochMilli(golden.get("now").asLong());
        String by = golden.get("by").asText();
        List<Record> records = records(golden, now, by);

        List<Item> items = new ArrayList<>();
        String partition = SyncStoreLayout.recordPartition(identity, dataset, SyncCount.ZERO);
        records.forEach(record -> items.addAll(RecordItems.toItems(partition, record)));
        long live = records.stream().filter(r -> !r.isTombstone()).count();
        long bytes = records.stream().mapToLong(Record::storageBytes).sum();
        items.add(DatasetItems.toItem(new StoredDataset(new DatasetMetadata(new DatasetKey(identity, dataset), now,
                now, by, bytes, live, new SyncCount(2)), false, SyncCount.ZERO, null).asRenumbered()));

        List<Map<String, Object>> summarized = items.stream().map(LayoutItemsTest::summarize)
                .sorted(Comparator.comparing((Map<String, Object> i) -> (String) i.get("pk"))
                        .thenComparing(i -> (String) i.get("sk")))
                .toList();
        assertThat(json.readTree(json.writeValueAsString(summarized))).isEqualTo(golden.get("items"));
    }

    private static List<Record> records(JsonNode golden, Instant now, String by) {
        List<Record> records = new ArrayList<>();
        String removed = golden.get("removedKey").asText();
        golden.get("records").forEach(r -> {
            String key = r.get("key").asText();
            JsonNode device = r.get("deviceLastModifiedDate");
            String value = key.equals(removed) ? null
                    : r.get("valueCharacter").asText().repeat(r.get("valueLength").asInt());
            records.add(new Record(new RecordKey(key), value, new SyncCount(key.equals(removed) ? 2 : 1), now, by,
                    device == null ? null : Instant.ofEpochMilli(device.asLong())));
        });
        return records;
    }

    private static Map<String, Object> summarize(Item item) {
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, AttributeValue> attribute : item.attributes().entrySet()) {
            out.put(attribute.getKey(), plain(attribute.getValue()));
        }
        return out;
    }

    private static Object plain(AttributeValue value) {
        if (value instanceof StringAttribute s) {
            String text = s.value();
            return text.length() > 100 ? "~" + text.length() + ":" + text.substring(0, 8) : text;
        }
        if (value instanceof NumberAttribute n) {
            return n.value();
        }
        return ((BooleanAttribute) value).value();
    }
}
