package dev.syncshift.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CloudFormation template read as a tree. Intrinsic functions in short form ({@code !Ref X}, {@code !GetAtt X.Y},
 * {@code !Sub "..."}) read as their plain argument, which is all these checks need.
 */
record ApiTemplate(Path file, JsonNode root) {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path TEMPLATE = MODULE.resolve("../config/syncshift-appsync.yaml").normalize();

    static ApiTemplate load() {
        try {
            return new ApiTemplate(TEMPLATE, new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resources of one type, by logical id. */
    List<Map.Entry<String, JsonNode>> resources(String type) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        root.get("Resources").properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                found.add(Map.entry(entry.getKey(), entry.getValue().get("Properties")));
            }
        });
        return found;
    }

    JsonNode resource(String logicalId) {
        return root.get("Resources").get(logicalId);
    }

    /** A path the template names relative to itself, as {@code aws cloudformation package} resolves it. */
    Path local(String relative) {
        return file.getParent().resolve(relative).normalize();
    }
}
