package dev.syncshift.emulator.appsync.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates an enhanced subscription filter ({@code {filterGroup: [{filters: [{fieldName, operator, value}]}]}},
 * as {@code util.transform.toSubscriptionFilter} builds it; AWS docs
 * {@code aws-appsync-real-time-enhanced-filtering.html}) against a mutation's payload: any group may match, all
 * filters of a group must.
 */
final class SubscriptionFilter {

    private SubscriptionFilter() {
    }

    static boolean matches(Object filter, @Nullable Object payload) {
        if (!(filter instanceof Map<?, ?> map) || !(map.get("filterGroup") instanceof List<?> groups)) {
            return true;
        }
        return groups.isEmpty() || groups.stream().anyMatch(group -> groupMatches(group, payload));
    }

    private static boolean groupMatches(@Nullable Object group, @Nullable Object payload) {
        if (!(group instanceof Map<?, ?> g) || !(g.get("filters") instanceof List<?> filters)) {
            return true;
        }
        return filters.stream().allMatch(f -> f instanceof Map<?, ?> m
                && test(String.valueOf(m.get("operator")), field(payload, String.valueOf(m.get("fieldName"))),
                        m.get("value")));
    }

    private static @Nullable Object field(@Nullable Object payload, String path) {
        Object current = payload;
        for (String part : path.split("\\.")) {
            current = current instanceof Map<?, ?> map ? map.get(part) : null;
        }
        return current;
    }

    private static boolean test(String operator, @Nullable Object actual, @Nullable Object expected) {
        return switch (operator) {
            case "eq" -> same(actual, expected);
            case "ne" -> !same(actual, expected);
            case "lt" -> compare(actual, expected, c -> c < 0);
            case "le" -> compare(actual, expected, c -> c <= 0);
            case "gt" -> compare(actual, expected, c -> c > 0);
            case "ge" -> compare(actual, expected, c -> c >= 0);
            case "in" -> expected instanceof List<?> list && list.stream().anyMatch(e -> same(actual, e));
            case "notIn" -> !(expected instanceof List<?> list && list.stream().anyMatch(e -> same(actual, e)));
            case "between" -> expected instanceof List<?> r && r.size() == 2
                    && compare(actual, r.get(0), c -> c >= 0) && compare(actual, r.get(1), c -> c <= 0);
            case "contains" -> contains(actual, expected);
            case "notContains" -> !contains(actual, expected);
            case "containsAny" -> expected instanceof List<?> list && list.stream().anyMatch(e -> contains(actual, e));
            case "beginsWith" -> actual instanceof String s && expected != null && s.startsWith(expected.toString());
            default -> false;
        };
    }

    private static boolean same(@Nullable Object a, @Nullable Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    /** Orders numbers with numbers and strings with strings; anything else never satisfies an ordering. */
    private static boolean compare(@Nullable Object a, @Nullable Object b, IntPredicate holds) {
        if (a instanceof Number x && b instanceof Number y) {
            return holds.test(Double.compare(x.doubleValue(), y.doubleValue()));
        }
        if (a instanceof String x && b instanceof String y) {
            return holds.test(x.compareTo(y));
        }
        return false;
    }

    private static boolean contains(@Nullable Object actual, @Nullable Object expected) {
        if (actual instanceof List<?> list) {
            return list.stream().anyMatch(e -> same(e, expected));
        }
        return actual instanceof String s && expected != null && s.contains(expected.toString());
    }
}
