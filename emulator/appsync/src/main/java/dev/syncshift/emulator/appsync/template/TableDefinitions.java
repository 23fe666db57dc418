package dev.syncshift.emulator.appsync.template;

import dev.syncshift.emulator.appsync.api.BadRequestException;
import dev.syncshift.emulator.appsync.store.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads an {@code AWS::DynamoDB::Table}'s keys, attribute definitions and secondary indexes. */
final class TableDefinitions {

    private TableDefinitions() {
    }

    @SuppressWarnings("unchecked")
    static TableDefinition of(String tableName, Map<String, Object> properties) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Object o : list(properties.get("AttributeDefinitions"))) {
            Map<String, Object> definition = (Map<String, Object>) o;
            types.put(member(definition, "AttributeName", tableName).toString(),
                    member(definition, "AttributeType", tableName).toString());
        }
        String[] keys = keys(properties.get("KeySchema"), tableName);
        return new TableDefinition(tableName, types, keys[0], keys[1],
                indexes(properties.get("LocalSecondaryIndexes"), tableName),
                indexes(properties.get("GlobalSecondaryIndexes"), tableName));
    }

    /** A member the template must give; CloudFormation refuses a template without it, and so does the emulator. */
    private static Object member(Map<String, Object> declared, String name, String owner) {
        Object value = declared.get(name);
        if (value == null) {
            throw new BadRequestException("Table " + owner + ": " + name + " is required");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable String[] keys(@Nullable Object schema, String owner) {
        String[] keys = new String[2];
        for (Object o : list(schema)) {
            Map<String, Object> key = (Map<String, Object>) o;
            keys["HASH".equals(key.get("KeyType")) ? 0 : 1] = member(key, "AttributeName", owner).toString();
        }
        if (keys[0] == null) {
            throw new BadRequestException("Table " + owner + ": KeySchema needs a HASH key");
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static List<TableDefinition.IndexDefinition> indexes(@Nullable Object declared, String table) {
        List<TableDefinition.IndexDefinition> indexes = new ArrayList<>();
        for (Object o : list(declared)) {
            Map<String, Object> index = (Map<String, Object>) o;
            String name = member(index, "IndexName", table).toString();
            String[] keys = keys(index.get("KeySchema"), table + "." + name);
            Map<String, Object> projection = index.get("Projection") instanceof Map<?, ?> p
                    ? (Map<String, Object>) p : Map.of();
            List<String> nonKey = list(projection.get("NonKeyAttributes")).stream().map(Object::toString).toList();
            indexes.add(new TableDefinition.IndexDefinition(name, keys[0], keys[1],
                    String.valueOf(projection.getOrDefault("ProjectionType", "ALL")), nonKey));
        }
        return indexes;
    }

    private static List<?> list(@Nullable Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
