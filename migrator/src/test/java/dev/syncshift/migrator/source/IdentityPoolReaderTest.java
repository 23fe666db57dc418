package dev.syncshift.migrator.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.Cutover;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityDescription;

/** The enumeration of a pool's identities, restarted as Spring Batch restarts it: from its last committed context. */
class IdentityPoolReaderTest {

    /**
     * An identity of the page being read leaves the pool (deleted) between the commit and the restart: the page
     * comes back one shorter and the identities after it move up. Every identity still in the pool is read.
     */
    @Test
    void aRestartAfterAnIdentityOfItsPageLeftThePoolStillReadsEveryIdentity() {
        try (Cutover aws = Cutover.start()) {
            IntStream.range(0, 121).forEach(user -> aws.developerIdentity("user-" + user));
            Set<String> read = new HashSet<>();
            ExecutionContext committed = new ExecutionContext();
            IdentityPoolReader first = new IdentityPoolReader(aws.source());
            first.open(committed);
            for (int i = 0; i < 60; i++) {
                read.add(first.read().identityId().value());
            }
            first.update(committed);

            aws.deleteIdentity(read.iterator().next());
            IdentityPoolReader again = new IdentityPoolReader(aws.source());
            again.open(committed);
            for (ListedIdentity identity = again.read(); identity != null; identity = again.read()) {
                read.add(identity.identityId().value());
            }

            assertThat(read).containsAll(poolIdentities(aws));
        }
    }

    private static List<String> poolIdentities(Cutover aws) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            var listed = aws.identityClient().listIdentities(r -> r.identityPoolId(aws.pool().value()).maxResults(60)
                    .nextToken(page));
            listed.identities().stream().map(IdentityDescription::identityId).forEach(ids::add);
            token = listed.nextToken();
        } while (token != null);
        assertThat(ids).hasSize(120);
        return ids;
    }
}
