package dev.syncshift.graphql.e2e;

import java.util.List;
import java.util.Map;

/**
 * One table row of calls made as one fresh identity: the calls made before, the call under test, and JSON pointer →
 * expected JSON text ({@link Expectations}).
 */
record CallScenario(String name, List<Step> given, Step when, Map<String, String> expected) {

    @Override
    public String toString() {
        return name;
    }
}
