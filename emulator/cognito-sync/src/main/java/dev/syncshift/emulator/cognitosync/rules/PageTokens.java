package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * NextToken values and page sizes of the list operations. A token is the opaque form of the listing's cursor (the
 * sort key of the last item returned), so a page continues after it even when earlier items changed. It names the
 * listing it belongs to (the operation and the request members that choose the items: pool, identity, dataset,
 * filter), so a token of another operation or of the same operation over other items, or any text this API did
 * not issue, is refused.
 */
public final class PageTokens {

    private static final char SEPARATOR = '\n';

    private PageTokens() {
    }

    /**
     * The name of one listing: {@code operation} over the items {@code scope} chooses, for example
     * {@code listing("ListDatasets", poolId, identityId)}. Each part's text must hold no line break (ids, names,
     * numbers and flags do not).
     */
    public static String listing(String operation, Object... scope) {
        StringBuilder name = new StringBuilder(operation);
        for (Object part : scope) {
            name.append(' ').append(part);
        }
        return name.toString();
    }

    /**
     * The token that continues {@code listing} after {@code cursor}.
     *
     * @param listing the operation alone, or {@link #listing} of it with its scope
     */
    public static String encode(String listing, String cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (listing + SEPARATOR + cursor).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor inside {@code token}, or null for the first page.
     *
     * @throws InvalidParameterException naming {@code nextToken} when {@link #encode} did not issue the token for
     *     {@code listing}
     */
    public static @Nullable String decode(String listing, @Nullable String token) {
        if (token == null) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
        String prefix = listing + SEPARATOR;
        if (!text.startsWith(prefix) || !encode(listing, text.substring(prefix.length())).equals(token)) {
            throw invalid(token);
        }
        return text.substring(prefix.length());
    }

    /** The refusal of a NextToken this API did not issue. */
    public static InvalidParameterException invalid(@Nullable String token) {
        return new InvalidParameterException("1 validation error detected: Value '" + token
                + "' at 'nextToken' failed to satisfy constraint: Member must be a token returned by this API");
    }

    /**
     * The page size for {@code maxResults}: the default when absent, capped at {@code cap}.
     *
     * @throws InvalidParameterException naming {@code maxResults} when it is below 1
     */
    public static int pageSize(@Nullable Integer maxResults, int defaultSize, int cap) {
        if (maxResults == null) {
            return defaultSize;
        }
        Constraints.range("maxResults", maxResults, 1, Integer.MAX_VALUE);
        return Math.min(maxResults, cap);
    }
}
