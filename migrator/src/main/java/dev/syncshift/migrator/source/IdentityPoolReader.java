package dev.syncshift.migrator.source;

import dev.syncshift.core.IdentityId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Enumerates a pool's identities with ListIdentities, 60 a page. Its cursor is the token of the page being read: on
 * restart it fetches that page again and reads it from its start. Not from the position inside it that was reached:
 * an identity of the page that left the pool meanwhile (deleted) shortens the page again fetched, and the
 * identity that moved up into the reached position would never be read. The identities read twice are already in
 * the run's manifest, which takes each identity once. Not thread-safe (a step's reader runs on one thread).
 */
public final class IdentityPoolReader extends ItemStreamSupport implements ItemStreamReader<ListedIdentity> {

    private static final String PAGE_TOKEN = "page.token";
    private static final String POSITION = "position";
    private static final String STARTED = "started";

    private final CognitoSource source;
    private @Nullable String pageToken;
    private @Nullable IdentityPage page;
    private int inPage;
    private long position;

    /** A reader of {@code source}'s pool. */
    public IdentityPoolReader(CognitoSource source) {
        this.source = source;
        setName("identities");
    }

    @Override
    public void open(ExecutionContext context) {
        if (!context.containsKey(getExecutionContextKey(STARTED))) {
            return;
        }
        String pageTokenKey = getExecutionContextKey(PAGE_TOKEN);
        pageToken = context.containsKey(pageTokenKey) ? context.getString(pageTokenKey) : null;
        position = context.getLong(getExecutionContextKey(POSITION));
        page = source.listIdentities(pageToken);
        inPage = 0;
    }

    @Override
    public @Nullable ListedIdentity read() {
        if (page == null) {
            page = source.listIdentities(null);
        }
        while (inPage >= page.identities().size()) {
            if (page.nextToken() == null) {
                return null;
            }
            pageToken = page.nextToken();
            page = source.listIdentities(pageToken);
            inPage = 0;
        }
        List<IdentityId> identities = page.identities();
        return new ListedIdentity(position++, identities.get(inPage++));
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(getExecutionContextKey(STARTED), "true");
        if (pageToken != null) {
            context.putString(getExecutionContextKey(PAGE_TOKEN), pageToken);
        } else {
            context.remove(getExecutionContextKey(PAGE_TOKEN));
        }
        context.putLong(getExecutionContextKey(POSITION), position);
    }
}
