package dev.syncshift.emulator.appsync.template;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation's YAML short-form intrinsics ({@code !Ref X}, {@code !GetAtt X.Y}, {@code !Sub},
 * {@code !Join}, ...) into their long form ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["X", "Y"]}}).
 */
final class IntrinsicConstructor extends SafeConstructor {

    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("!Ref", "Ref"), Map.entry("!GetAtt", "Fn::GetAtt"), Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!Join", "Fn::Join"), Map.entry("!Select", "Fn::Select"), Map.entry("!Split", "Fn::Split"),
            Map.entry("!If", "Fn::If"), Map.entry("!Equals", "Fn::Equals"), Map.entry("!Not", "Fn::Not"),
            Map.entry("!And", "Fn::And"), Map.entry("!Or", "Fn::Or"), Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!GetAZs", "Fn::GetAZs"), Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!Condition", "Condition"), Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!Cidr", "Fn::Cidr"));

    IntrinsicConstructor() {
        super(new LoaderOptions());
        FUNCTIONS.forEach((tag, name) -> yamlConstructors.put(new Tag(tag), new Intrinsic(name)));
    }

    private final class Intrinsic extends AbstractConstruct {
        private final String name;

        private Intrinsic(String name) {
            this.name = name;
        }

        @Override
        public Object construct(Node node) {
            Object value;
            if (node instanceof ScalarNode scalar) {
                String text = constructScalar(scalar);
                value = name.equals("Fn::GetAtt") ? List.of(text.split("\\.", 2)) : text;
            } else if (node instanceof SequenceNode sequence) {
                value = constructSequence(sequence);
            } else {
                value = constructMapping((MappingNode) node);
            }
            return Map.of(name, value);
        }
    }
}
