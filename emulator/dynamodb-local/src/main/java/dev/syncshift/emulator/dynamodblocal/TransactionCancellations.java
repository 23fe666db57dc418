package dev.syncshift.emulator.dynamodblocal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bucket4j.Bucket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * reason on the first action and {@code None} on the others, nothing written. The next calls get the queued reasons,
 * one each; with a write capacity set, a call beyond it gets {@code ThrottlingError}. Every other call goes to
 * DynamoDB Local.
 */
final class TransactionCancellations extends Handler.Wrapper {

    private static final String TARGET = "DynamoDB_20120810.TransactWriteItems";
    private static final String THROTTLED = "ThrottlingError";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Queue<String> reasons = new ConcurrentLinkedQueue<>();
    private volatile @Nullable Bucket capacity;

    TransactionCancellations(Handler dynamoDbLocal) {
        super(dynamoDbLocal);
    }

    void add(String reason) {
        reasons.add(reason);
    }

    void limit(int perSecond) {
        capacity = Bucket.builder().addLimit(limit -> limit.capacity(perSecond)
                .refillGreedy(perSecond, Duration.ofSeconds(1))).build();
    }

    private @Nullable String reason() {
        String queued = reasons.poll();
        if (queued != null) {
            return queued;
        }
        Bucket bucket = capacity;
        return bucket == null || bucket.tryConsume(1) ? null : THROTTLED;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!TARGET.equals(request.getHeaders().get("X-Amz-Target"))) {
            return super.handle(request, response, callback);
        }
        String reason = reason();
        if (reason == null) {
            return super.handle(request, response, callback);
        }
        JsonNode body = JSON.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("__type", "com.amazonaws.dynamodb.v20120810#TransactionCanceledException");
        ArrayNode list = answer.putArray("CancellationReasons");
        ArrayList<String> codes = new ArrayList<>();
        for (int i = 0; i < Math.max(1, body.path("TransactItems").size()); i++) {
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
        response.setStatus(400);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-amz-json-1.0");
        response.write(true, StandardCharsets.UTF_8.encode(JSON.writeValueAsString(answer)), callback);
        return true;
    }
}
