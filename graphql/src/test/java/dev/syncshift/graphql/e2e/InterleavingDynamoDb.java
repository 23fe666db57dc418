package dev.syncshift.graphql.e2e;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * A {@link DynamoDbClient} that passes every call on to a real one (DynamoDB Local) and, once armed, runs a rival's
 * action just before the next {@code TransactWriteItems} goes out (a writer that read the table, then lost the race
 * to another one before its own write), just after it came back, or before the first {@code TransactGetItems} after
 * it (a rival between a write and the reads after it), at a point no timing can hit reliably.
 */
final class InterleavingDynamoDb implements InvocationHandler {

    private final DynamoDbClient delegate;
    private final AtomicReference<@Nullable Runnable> rival = new AtomicReference<>();
    private final AtomicReference<@Nullable Runnable> afterRival = new AtomicReference<>();
    private final AtomicReference<@Nullable Runnable> readRival = new AtomicReference<>();

    InterleavingDynamoDb(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    DynamoDbClient client() {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, this);
    }

    /** Runs {@code action} (once) before the next TransactWriteItems; the action's own writes pass untouched. */
    void beforeNextWrite(Runnable action) {
        rival.set(action);
    }

    /** Runs {@code action} (once) after the next TransactWriteItems came back, before the caller goes on. */
    void afterNextWrite(Runnable action) {
        afterRival.set(action);
    }

    /** Runs {@code action} (once) before the first TransactGetItems that follows the next TransactWriteItems. */
    void beforeTheReadAfterNextWrite(Runnable action) {
        afterNextWrite(() -> readRival.set(action));
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
        Object only = args == null || args.length != 1 ? null : args[0];
        if (method.isDefault() && only instanceof Consumer) {
            // The builder form: let the interface build the request and come back with it.
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        if (only instanceof TransactWriteItemsRequest) {
            Runnable action = rival.getAndSet(null);
            if (action != null) {
                action.run();
            }
        }
        if (only instanceof TransactGetItemsRequest) {
            Runnable action = readRival.getAndSet(null);
            if (action != null) {
                action.run();
            }
        }
        Object result;
        try {
            result = method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (only instanceof TransactWriteItemsRequest) {
            Runnable action = afterRival.getAndSet(null);
            if (action != null) {
                action.run();
            }
        }
        return result;
    }
}
