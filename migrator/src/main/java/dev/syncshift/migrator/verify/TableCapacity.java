package dev.syncshift.migrator.verify;

import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * How fast a table takes the copy: its write units a second (provisioned capacity, or an on-demand table's warm
 * throughput) against the least a transactional copy of the pool costs. A transaction writes an item at 2 write units
 * per started KB, so a pool of B bytes of sync data costs at least 2 × B / 1,024 units (more with many small records,
 * each a whole KB). A new on-demand table takes 4,000 write units a second until its traffic raises that, or until it
 * is pre-warmed.
 */
final class TableCapacity {

    /** What a new on-demand table takes at once, as AWS documents it. */
    static final long NEW_ON_DEMAND_WRITE_UNITS = 4_000;

    private TableCapacity() {
    }

    /** One line for {@code check}: the table's write rate and the least time the copy of {@code poolBytes} takes. */
    static String describe(TableDescription table, long poolBytes) {
        long units = 2 * ceilDiv(poolBytes, 1024);
        boolean onDemand = table.billingModeSummary() != null
                && table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
        Long warm = table.warmThroughput() == null ? null : table.warmThroughput().writeUnitsPerSecond();
        long rate;
        String how;
        if (onDemand) {
            rate = warm != null && warm > 0 ? warm : NEW_ON_DEMAND_WRITE_UNITS;
            how = warm != null && warm > 0 ? "on demand, its warm throughput" : "on demand, as a new table does";
        } else {
            Long provisioned = table.provisionedThroughput() == null ? null
                    : table.provisionedThroughput().writeCapacityUnits();
            rate = provisioned == null ? 0 : provisioned;
            how = "provisioned";
        }
        String time = rate > 0 ? ", " + shown(Duration.ofSeconds(ceilDiv(units, rate))) + " at that rate" : "";
        String advice = !onDemand ? ": raise it for the copy, or switch the table to on demand"
                : rate <= NEW_ON_DEMAND_WRITE_UNITS && units > rate * 600 ? ": pre-warm the table for a faster copy"
                : "";
        return String.format(Locale.ROOT, "table %s takes %,d write units a second (%s); copying the pool's %,d bytes "
                + "costs at least %,d (a transaction writes 2 per KB of each item)%s%s", table.tableName(), rate, how,
                poolBytes, units, time, advice);
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    private static String shown(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 2 * 3600) {
            return Math.round(seconds / 60.0) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }
}
