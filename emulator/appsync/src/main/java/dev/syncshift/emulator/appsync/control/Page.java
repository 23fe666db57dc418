package dev.syncshift.emulator.appsync.control;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a control-plane list.
 *
 * @param items the page's items
 * @param nextToken the token of the next page, or null on the last
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String nextToken) {

    /** Copies the list. */
    public Page {
        items = List.copyOf(items);
    }
}
