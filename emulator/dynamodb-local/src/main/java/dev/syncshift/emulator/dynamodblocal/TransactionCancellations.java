package dev.syncshift.emulator.dynamodblocal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Answers TransactWriteItems calls as DynamoDB does when it cancels a transaction for a reason other than a
 * condition ({@code ThrottlingError}, {@code TransactionConflict}): HTTP 400 {@code TransactionCanceledException}, the
 * reason on the first action and {@code None} on the others, nothing written; or as it refuses a request whole
 * (a role without the permission: {@code AccessDeniedException}). The next calls get the queued answers, one each;
 * with a write capacity set, a call beyond it gets {@code ThrottlingError}. Every other call goes to DynamoDB Local.
 */
final class TransactionCancellations extends Handler.Wrapper {

    private static final String TARGET = "DynamoDB_20120810.TransactWriteItems";
    private static final String THROTTLED = "ThrottlingError";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A queued answer: a cancellation {@code reason}, or, when {@code errorType} is set, a refusal of the request. */
    private record Injected(String reason, @Nullable String errorType) {
    }

    private final Queue<Injected> injected = new ConcurrentLinkedQueue<>();
    /** Transactions admitted a second; 0 for no limit. */
    private int capacity;
    private long second = -1;
    private int admitted;

    TransactionCancellations(Handler dynamoDbLocal) {
        super(dynamoDbLocal);
    }

    void add(String reason) {
        injected.add(new Injected(reason, null));
    }

    void refuse(String errorType, String message) {
        injected.add(new Injected(message, errorType));
    }

    synchronized void limit(int perSecond) {
        capacity = perSecond;
    }

    private @Nullable Injected next() {
        Injected queued = injected.poll();
        if (queued != null) {
            return queued;
        }
        return admitted() ? null : new Injected(THROTTLED, null);
    }

    /**
     * Whether the capacity admits one more transaction in this second of the clock (a counter per second: no
     * library, as this module is loaded beside DynamoDB Local's jars alone).
     */
    private synchronized boolean admitted() {
        if (capacity == 0) {
            return true;
        }
        long now = System.nanoTime() / 1_000_000_000L;
        if (now != second) {
            second = now;
            admitted = 0;
        }
        admitted++;
        return admitted <= capacity;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!TARGET.equals(request.getHeaders().get("X-Amz-Target"))) {
            return super.handle(request, response, callback);
        }
        Injected answer = next();
        if (answer == null) {
            return super.handle(request, response, callback);
        }
        JsonNode body = JSON.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
        ObjectNode error = answer.errorType() == null ? cancellation(answer.reason(), body)
                : JSON.createObjectNode().put("__type", "com.amazon.coral.service#" + answer.errorType())
                        .put("Message", answer.reason());
        response.setStatus(400);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-amz-json-1.0");
        response.write(true, StandardCharsets.UTF_8.encode(JSON.writeValueAsString(error)), callback);
        return true;
    }

    private static ObjectNode cancellation(String reason, JsonNode request) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("__type", "com.amazonaws.dynamodb.v20120810#TransactionCanceledException");
        ArrayNode list = answer.putArray("CancellationReasons");
        ArrayList<String> codes = new ArrayList<>();
        for (int i = 0; i < Math.max(1, request.path("TransactItems").size()); i++) {
            String code = i == 0 ? reason : "None";
            ObjectNode entry = list.addObject().put("Code", code);
            if (i == 0) {
                entry.put("Message", THROTTLED.equals(reason) ? "Throughput exceeds the current capacity of your "
                        + "table or index." : reason + " (injected by the test)");
            }
            codes.add(code);
        }
        answer.put("Message", "Transaction cancelled, please refer cancellation reasons for specific reasons "
                + codes);
        return answer;
    }
}
