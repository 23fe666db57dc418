package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * NextToken values and page sizes of the list operations. A token is the opaque form of the listing's cursor (the
 * sort key of the last item returned), so a page continues after it even when earlier items changed.
 */
public final class PageTokens {

    private PageTokens() {
    }

    /** The token that continues after {@code cursor}. */
    public static String encode(String cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor inside {@code token}, or null for the first page.
     *
     * @throws InvalidParameterException naming {@code nextToken} when the token was not issued by {@link #encode}
     */
    public static @Nullable String decode(@Nullable String token) {
        if (token == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("1 validation error detected: Value '" + token
                    + "' at 'nextToken' failed to satisfy constraint: Member must be a token returned by this API");
        }
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
