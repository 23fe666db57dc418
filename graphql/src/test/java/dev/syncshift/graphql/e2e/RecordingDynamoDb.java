package dev.syncshift.graphql.e2e;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A {@link DynamoDbClient} that passes every call on to a real one (DynamoDB Local) and notes each request it sends:
 * what an API field costs in DynamoDB requests, seen from the table's side. A Query is noted as
 * {@code Query <index>}, {@code Query range} (a sort key range) or {@code Query partition} (a whole partition);
 * any other request by its operation name ({@code GetItem}, {@code TransactGetItems}, ...).
 */
final class RecordingDynamoDb implements InvocationHandler {

    private final DynamoDbClient delegate;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    RecordingDynamoDb(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    DynamoDbClient client() {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, this);
    }

    /** The requests noted since the last call, in order; forgets them. */
    List<String> take() {
        List<String> taken = List.copyOf(requests);
        requests.clear();
        return taken;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
        Object only = args == null || args.length != 1 ? null : args[0];
        if (method.isDefault() && only instanceof Consumer) {
            // The builder form: let the interface build the request and come back with it.
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        if (only instanceof DynamoDbRequest request) {
            requests.add(label(method.getName(), request));
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String label(String method, DynamoDbRequest request) {
        if (request instanceof QueryRequest query) {
            if (query.indexName() != null) {
                return "Query " + query.indexName();
            }
            return query.keyConditionExpression().contains("BETWEEN") ? "Query range" : "Query partition";
        }
        return method.substring(0, 1).toUpperCase(Locale.ROOT) + method.substring(1);
    }
}
