package dev.syncshift.migrator.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Requests per second allowed per AWS operation, from {@code --max-rps ListIdentities=5,ListRecords=50}. An
 * operation not named has no set limit, only the {@link Pacing} it gets once the service throttles it. The defaults
 * are AWS's published quotas: Cognito Identity's ListIdentities 5/s; AWS publishes none for Cognito Sync.
 *
 * @param perOperation requests per second by operation name
 */
public record RateLimits(Map<String, Double> perOperation) {

    /** AWS's published default quotas for the operations the migrator calls. */
    public static final Map<String, Double> AWS_DEFAULTS = Map.of("ListIdentities", 5.0);

    /** The highest limit a second: one request a nanosecond, the most a Bucket4j bucket refills. */
    public static final double MAX_RPS = 1e9;

    /** The most decimal places a {@link DecimalFormat} shows: a double's shortest form, as it was written. */
    private static final int MOST_DECIMALS = 340;

    /** The operations a limit may name. */
    public static final Set<String> OPERATIONS = Set.of("ListIdentities", "ListDatasets", "ListRecords",
            "DescribeIdentityPool", "DescribeIdentityPoolUsage", "Query", "TransactWriteItems", "DescribeTable",
            "UpdateRecords", "DeleteDataset");

    /** Checks and copies the map. */
    public RateLimits {
        perOperation.forEach(RateLimits::check);
        perOperation = Map.copyOf(perOperation);
    }

    /**
     * AWS's defaults overridden by {@code spec} ({@code Op=N,Op=N}; empty for the defaults).
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static RateLimits parse(String spec) {
        Map<String, Double> limits = new LinkedHashMap<>(AWS_DEFAULTS);
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("bad entry '" + entry + "': expected Operation=N");
            }
            try {
                limits.put(parts[0].strip(), Double.parseDouble(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad entry '" + entry + "': " + parts[1].strip()
                        + " is not a number", e);
            }
        }
        return new RateLimits(limits);
    }

    /** The limit of {@code operation}, or null when it has none. */
    public @Nullable Double of(String operation) {
        return perOperation.get(operation);
    }

    private static void check(String operation, Double rps) {
        if (!OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("unknown operation '" + operation
                    + "' (one of " + String.join(", ", OPERATIONS.stream().sorted().toList()) + ")");
        }
        if (!(rps > 0) || rps.isInfinite()) {
            throw new IllegalArgumentException(operation + " must be a positive number, not " + written(rps));
        }
        if (rps > MAX_RPS) {
            throw new IllegalArgumentException(operation + " must be at most " + written(MAX_RPS) + " a second, not "
                    + written(rps));
        }
    }

    /** A limit as the output shows it, every decimal it was written with kept: {@code 5/s}, {@code 0.25/s}. */
    public static String shown(double rps) {
        return shown(rps, MOST_DECIMALS);
    }

    /**
     * A rate as the output shows it, with {@code --max-rps}'s whole numbers: {@code 5/s}, {@code 2.5/s},
     * {@code 1,200/s}; never {@code 5.0/s}. A rate above zero but below the last place kept keeps its first two digits
     * instead, as {@code --max-rps} takes it: {@code 0.012/s} or {@code 0.05/s} with one decimal, not {@code 0/s} or
     * {@code 0.1/s}.
     *
     * @param decimals the most decimal places kept (rounded half up); those that are zero are left off
     */
    public static String shown(double rps, int decimals) {
        return figure(rps, decimals) + "/s";
    }

    /**
     * A figure as the output writes it, rates and the estimates made from them alike: {@code 1,200}, {@code 2.5};
     * one above zero but below the last place kept keeps its first two digits ({@code 0.6} with no decimals,
     * {@code 0.05} or {@code 0.012} with one), so that a small limit or its estimate reads neither as none nor as up
     * to twice what it is.
     *
     * @param decimals the most decimal places kept (rounded half up); those that are zero are left off
     */
    public static String figure(double value, int decimals) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        boolean belowLastPlace = value > 0 && value < Math.pow(10, -decimals);
        format.setMaximumFractionDigits(belowLastPlace ? 1 - (int) Math.floor(Math.log10(value)) : decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** {@code rps} as an operator would write it: -1, not -1.0. */
    private static String written(Double rps) {
        return rps.isNaN() || rps.isInfinite() ? rps.toString()
                : BigDecimal.valueOf(rps).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return String.join(",", perOperation.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
