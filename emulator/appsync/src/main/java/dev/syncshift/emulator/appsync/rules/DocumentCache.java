package dev.syncshift.emulator.appsync.rules;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps parsed and validated documents: clients send the same few operations over and over. Documents with
 * errors are not kept; the cache is emptied when it reaches its bound rather than tracking recency.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    private static final int MAX_ENTRIES = 1_000;

    private final Map<String, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry cached = entries.get(input.getQuery());
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(input.getQuery(), entry);
        }
        return CompletableFuture.completedFuture(entry);
    }
}
