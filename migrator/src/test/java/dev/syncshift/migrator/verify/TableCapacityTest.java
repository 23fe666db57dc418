package dev.syncshift.migrator.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** What {@code check} says of how fast a table takes the copy, for each way DynamoDB describes its capacity. */
class TableCapacityTest {

    private static final long GIB = 1L << 30;

    @Test
    void aNewOnDemandTableTakesFourThousandWriteUnitsASecond() {
        TableDescription table = TableDescription.builder().tableName("SyncStore")
                .billingModeSummary(b -> b.billingMode(BillingMode.PAY_PER_REQUEST)).build();

        assertThat(TableCapacity.describe(table, 1_085_359)).isEqualTo("table SyncStore takes 4,000 write units a "
                + "second (on demand, as a new table does); copying the pool's 1,085,359 bytes costs at least 2,120 "
                + "(a transaction writes 2 per KB of each item), 1 s at that rate");
        assertThat(TableCapacity.describe(table, 10 * GIB)).endsWith("costs at least 20,971,520 (a transaction "
                + "writes 2 per KB of each item), 87 min at that rate: pre-warm the table for a faster copy");
    }

    @Test
    void anOnDemandTablesWarmThroughputIsItsRate() {
        TableDescription table = TableDescription.builder().tableName("SyncStore")
                .billingModeSummary(b -> b.billingMode(BillingMode.PAY_PER_REQUEST))
                .warmThroughput(w -> w.writeUnitsPerSecond(40_000L)).build();

        assertThat(TableCapacity.describe(table, 10 * GIB)).isEqualTo("table SyncStore takes 40,000 write units a "
                + "second (on demand, its warm throughput); copying the pool's 10,737,418,240 bytes costs at least "
                + "20,971,520 (a transaction writes 2 per KB of each item), 9 min at that rate");
    }

    @Test
    void aProvisionedTableTakesItsWriteCapacityAndIsToldToRaiseIt() {
        TableDescription table = TableDescription.builder().tableName("SyncStore")
                .provisionedThroughput(p -> p.writeCapacityUnits(5L).readCapacityUnits(5L)).build();

        assertThat(TableCapacity.describe(table, 1_085_359)).isEqualTo("table SyncStore takes 5 write units a second "
                + "(provisioned); copying the pool's 1,085,359 bytes costs at least 2,120 (a transaction writes 2 per "
                + "KB of each item), 7 min at that rate: raise it for the copy, or switch the table to on demand");
    }
}
