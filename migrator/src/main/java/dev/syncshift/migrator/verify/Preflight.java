package dev.syncshift.migrator.verify;

import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.target.StoreTableShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.DescribeIdentityPoolResponse;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.IdentityPoolUsage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What must hold before a run writes anything: the pool exists and the developer credentials may read it, and the
 * table exists (or may be created) with the store's layout. Reads only.
 */
public final class Preflight {

    private final CognitoIdentityClient identity;
    private final CognitoSyncClient sync;
    private final DynamoDbClient dynamoDb;

    /** A preflight through these clients. */
    public Preflight(CognitoIdentityClient identity, CognitoSyncClient sync, DynamoDbClient dynamoDb) {
        this.identity = identity;
        this.sync = sync;
        this.dynamoDb = dynamoDb;
    }

    /**
     * Checks the source and the target.
     *
     * @param tableMayBeMissing whether a missing table is fine (it will be created)
     * @return what was found, one line each; problems are in {@link Findings#problems()}
     */
    public Findings check(MigratorSettings settings, boolean tableMayBeMissing) {
        Findings findings = new Findings(new ArrayList<>(), new ArrayList<>());
        checkSource(settings, findings);
        checkTable(settings, tableMayBeMissing, findings);
        return findings;
    }

    private void checkSource(MigratorSettings settings, Findings findings) {
        try {
            DescribeIdentityPoolResponse pool = identity.describeIdentityPool(
                    r -> r.identityPoolId(settings.identityPoolId()));
            findings.facts().add("pool " + pool.identityPoolId() + " (" + pool.identityPoolName() + ") exists");
            IdentityPoolUsage usage = sync.describeIdentityPoolUsage(r -> r.identityPoolId(settings.identityPoolId()))
                    .identityPoolUsage();
            findings.facts().add(String.format(Locale.ROOT, "pool usage: %,d bytes of sync data, %,d sync sessions",
                    orZero(usage.dataStorage()), orZero(usage.syncSessionsCount())));
        } catch (SdkException e) {
            findings.problems().add("source: " + describe(e));
        }
    }

    private void checkTable(MigratorSettings settings, boolean mayBeMissing, Findings findings) {
        try {
            TableDescription table = dynamoDb.describeTable(r -> r.tableName(settings.table())).table();
            List<String> differences = StoreTableShape.differences(table);
            if (differences.isEmpty()) {
                findings.facts().add("table " + settings.table() + " has the store layout");
            }
            differences.forEach(d -> findings.problems().add("target: table " + settings.table() + ": " + d));
        } catch (ResourceNotFoundException missing) {
            if (mayBeMissing) {
                findings.facts().add("table " + settings.table() + " does not exist yet; it will be created");
            } else {
                findings.problems().add("target: table " + settings.table()
                        + " does not exist (create it with the CloudFormation template, or pass --create-table)");
            }
        } catch (SdkException e) {
            findings.problems().add("target: " + describe(e));
        }
    }

    private static String describe(SdkException e) {
        if (e instanceof SdkClientException) {
            return "unreachable: " + firstLine(e.getMessage());
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse(message);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /**
     * What a preflight found.
     *
     * @param facts what holds
     * @param problems what stops a run
     */
    public record Findings(List<String> facts, List<String> problems) {

        /** Whether a run may go ahead. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }
}
