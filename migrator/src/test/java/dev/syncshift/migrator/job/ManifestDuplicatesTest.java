package dev.syncshift.migrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.SharedPostgres;
import dev.syncshift.migrator.source.ListedIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run's manifest holds an identity once however often, and in whatever order, the enumeration names it (an
 * identities file that repeats ids, sorted or not, within a chunk or across chunks), in H2 and PostgreSQL alike: the
 * run's identities are counted from it. H2 once answered an uncorrelated "is it in the manifest yet" with the answer
 * it gave the same ids a moment before, so an id named on two lines in a row was added twice.
 */
class ManifestDuplicatesTest {

    private static final int PARTITIONS = 4;
    private static final AtomicLong RUNS = new AtomicLong(100);

    static RunTables h2;
    static RunTables postgresql;

    @BeforeAll
    static void start() throws IOException, SQLException {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:manifest-duplicates;DB_CLOSE_DELAY=-1");
        h2 = new RunTables(memory);
        postgresql = new RunTables(SharedPostgres.get().newDataSource());
    }

    static Stream<Arguments> enumerations() {
        List<String> sortedThreeTimesEach = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = id(i);
            sortedThreeTimesEach.addAll(List.of(id, id, id));
        }
        List<Arguments> cases = new ArrayList<>();
        for (String database : List.of("H2", "PostgreSQL")) {
            cases.add(Arguments.of(database, "A A", List.of(List.of(id(0), id(0))), 1));
            cases.add(Arguments.of(database, "A A B", List.of(List.of(id(0), id(0), id(1))), 2));
            cases.add(Arguments.of(database, "B A A", List.of(List.of(id(1), id(0), id(0))), 2));
            cases.add(Arguments.of(database, "A B A", List.of(List.of(id(0), id(1), id(0))), 2));
            cases.add(Arguments.of(database, "A | A B", List.of(List.of(id(0)), List.of(id(0), id(1))), 2));
            cases.add(Arguments.of(database, "30 ids, each on 3 lines in a row", List.of(sortedThreeTimesEach), 30));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("enumerations")
    void eachIdentityIsInTheManifestOnce(String database, String order, List<List<String>> chunks, int distinct) {
        RunTables tables = database.equals("H2") ? h2 : postgresql;
        long run = RUNS.incrementAndGet();
        tables.partitions(run, PARTITIONS);

        long added = 0;
        long position = 0;
        for (List<String> chunk : chunks) {
            List<ListedIdentity> listed = new ArrayList<>();
            for (String id : chunk) {
                listed.add(new ListedIdentity(position++, new IdentityId(id)));
            }
            added += tables.addToManifest(run, PARTITIONS, listed);
        }

        assertThat(added).isEqualTo(distinct);
        assertThat(tables.listing(run).listed()).isEqualTo(distinct);
        List<String> manifest = new ArrayList<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            tables.manifest(run, partition, -1, 1000).forEach(i -> manifest.add(i.identityId().value()));
        }
        assertThat(manifest).hasSize(distinct).doesNotHaveDuplicates();
    }

    private static String id(int n) {
        return "us-east-1:" + UUID.nameUUIDFromBytes(("identity " + n).getBytes(StandardCharsets.UTF_8));
    }
}
