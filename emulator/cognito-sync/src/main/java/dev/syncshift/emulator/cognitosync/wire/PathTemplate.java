package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.sigv4.PercentDecoding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A REST path such as {@code /identitypools/{IdentityPoolId}/identities/{IdentityId}}. Matching splits the raw
 * path on {@code /} first and percent-decodes each segment after, so an encoded {@code %2F} stays inside its
 * label (docs/cognito-sync.md#wire-protocol).
 */
final class PathTemplate {

    private final String text;
    private final List<String> segments;

    PathTemplate(String text) {
        this.text = text;
        this.segments = List.of(text.substring(1).split("/", -1));
    }

    /** The labels of {@code rawPath} by name, if it has this template's shape. */
    Optional<Map<String, String>> match(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.empty();
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{")) {
                labels.put(segment.substring(1, segment.length() - 1), PercentDecoding.decode(parts[i]));
            } else if (!segment.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(labels);
    }

    @Override
    public String toString() {
        return text;
    }
}
