package dev.syncshift.emulator.cognitosync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The bad-input sweep's requests: every operation of both services as a valid template (its members, path labels,
 * query parameters and headers), each bent by one mutation that a careful user might try.
 */
final class SweepRequests {

    static final String POOL = "us-east-1:00000000-0000-4000-8000-00000000005e";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:iam::123456789012:role/r";
    private static final String ID = "{identity}";
    private static final String POOL_PATH = "/identitypools/" + POOL.replace(":", "%3A");
    private static final String DATASET = POOL_PATH + "/identities/{identityPath}/datasets/ds";

    private SweepRequests() {
    }

    /** One request: service, method, path and query as sent, extra headers, body. */
    record Request(String operation, boolean identity, String method, String path, Map<String, String> headers,
            String body) {
        Request with(String newPath, Map<String, String> newHeaders, String newBody) {
            return new Request(operation, identity, method, newPath, newHeaders, newBody);
        }

        byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }

    static final List<Request> TEMPLATES = List.of(
            identity("CreateIdentityPool", "{\"IdentityPoolName\":\"p\",\"AllowUnauthenticatedIdentities\":true,"
                    + "\"AllowClassicFlow\":false,\"SupportedLoginProviders\":{\"graph.facebook.com\":\"123\"},"
                    + "\"DeveloperProviderName\":\"dev.example\",\"OpenIdConnectProviderARNs\":[\"" + ARN + "\"],"
                    + "\"CognitoIdentityProviders\":[{\"ProviderName\":\"cognito-idp.us-east-1.amazonaws.com/x\","
                    + "\"ClientId\":\"abc\",\"ServerSideTokenCheck\":false}],\"SamlProviderARNs\":[\"" + ARN + "\"],"
                    + "\"IdentityPoolTags\":{\"k\":\"v\"}}"),
            identity("GetId", "{\"AccountId\":\"123456789012\",\"IdentityPoolId\":\"" + POOL
                    + "\",\"Logins\":{\"graph.facebook.com\":\"u\"}}"),
            identity("GetCredentialsForIdentity", "{\"IdentityId\":\"" + ID + "\",\"Logins\":{\"a\":\"b\"},"
                    + "\"CustomRoleArn\":\"" + ARN + "\"}"),
            identity("DescribeIdentityPool", "{\"IdentityPoolId\":\"" + POOL + "\"}"),
            identity("ListIdentityPools", "{\"MaxResults\":5,\"NextToken\":\"abc\"}"),
            identity("DeleteIdentityPool", "{\"IdentityPoolId\":\"us-east-1:00000000-0000-4000-8000-0000000000ff\"}"),
            identity("GetOpenIdToken", "{\"IdentityId\":\"" + ID + "\",\"Logins\":{\"a\":\"b\"}}"),
            identity("GetOpenIdTokenForDeveloperIdentity", "{\"IdentityPoolId\":\"" + POOL + "\",\"IdentityId\":\""
                    + ID + "\",\"Logins\":{\"dev.example\":\"u\"},\"PrincipalTags\":{\"a\":\"b\"},"
                    + "\"TokenDuration\":900}"),
            identity("ListIdentities", "{\"IdentityPoolId\":\"" + POOL + "\",\"MaxResults\":5,\"NextToken\":\"abc\","
                    + "\"HideDisabled\":true}"),
            identity("DescribeIdentity", "{\"IdentityId\":\"" + ID + "\"}"),
            identity("GetIdentityPoolRoles", "{\"IdentityPoolId\":\"" + POOL + "\"}"),
            identity("SetIdentityPoolRoles", "{\"IdentityPoolId\":\"" + POOL + "\",\"Roles\":{\"unauthenticated\":"
                    + "\"arn:aws:iam::123456789012:role/guest\"}}"),
            identity("DeleteIdentities", "{\"IdentityIdsToDelete\":[\"us-east-1:00000000-0000-4000-8000-0000000000ff\","
                    + "\"eu-west-1:00000000-0000-4000-8000-0000000000fe\"]}"),
            identity("MergeDeveloperIdentities", "{\"SourceUserIdentifier\":\"a\",\"DestinationUserIdentifier\":\"b\","
                    + "\"DeveloperProviderName\":\"dev.example\",\"IdentityPoolId\":\"" + POOL + "\"}"),
            identity("LookupDeveloperIdentity", "{\"IdentityPoolId\":\"" + POOL + "\",\"IdentityId\":\"" + ID
                    + "\",\"DeveloperUserIdentifier\":\"u\",\"MaxResults\":5,\"NextToken\":\"abc\"}"),
            identity("UnlinkDeveloperIdentity", "{\"IdentityId\":\"" + ID + "\",\"IdentityPoolId\":\"" + POOL
                    + "\",\"DeveloperProviderName\":\"dev.example\",\"DeveloperUserIdentifier\":\"u\"}"),
            identity("UnlinkIdentity", "{\"IdentityId\":\"" + ID + "\",\"Logins\":{\"a\":\"b\"},"
                    + "\"LoginsToRemove\":[\"a\"]}"),
            sync("ListDatasets", "GET", POOL_PATH + "/identities/{identityPath}/datasets?nextToken=abc&maxResults=5",
                    ""),
            sync("ListIdentityPoolUsage", "GET", "/identitypools?nextToken=abc&maxResults=5", ""),
            sync("DescribeIdentityPoolUsage", "GET", POOL_PATH, ""),
            sync("DescribeIdentityUsage", "GET", POOL_PATH + "/identities/{identityPath}", ""),
            sync("GetIdentityPoolConfiguration", "GET", POOL_PATH + "/configuration", ""),
            sync("SetIdentityPoolConfiguration", "POST", POOL_PATH + "/configuration", "{\"PushSync\":"
                    + "{\"ApplicationArns\":[\"arn:aws:sns:us-east-1:123456789012:app/GCM/a\"],\"RoleArn\":\"" + ARN
                    + "\"},\"CognitoStreams\":{\"StreamName\":\"s\",\"RoleArn\":\"" + ARN
                    + "\",\"StreamingStatus\":\"DISABLED\"}}"),
            sync("GetCognitoEvents", "GET", POOL_PATH + "/events", ""),
            sync("SetCognitoEvents", "POST", POOL_PATH + "/events",
                    "{\"Events\":{\"SyncTrigger\":\"arn:aws:lambda:us-east-1:123456789012:function:f\"}}"),
            sync("RegisterDevice", "POST", POOL_PATH + "/identity/{identityPath}/device",
                    "{\"Platform\":\"GCM\",\"Token\":\"t\"}"),
            sync("SubscribeToDataset", "POST", DATASET + "/subscriptions/dev", ""),
            sync("UnsubscribeFromDataset", "DELETE", DATASET + "/subscriptions/dev", ""),
            sync("BulkPublish", "POST", POOL_PATH + "/bulkpublish", ""),
            sync("GetBulkPublishDetails", "POST", POOL_PATH + "/getBulkPublishDetails", ""),
            sync("DescribeDataset", "GET", DATASET, ""),
            sync("DeleteDataset", "DELETE", POOL_PATH + "/identities/{identityPath}/datasets/gone", ""),
            sync("ListRecords", "GET", DATASET + "/records?lastSyncCount=0&nextToken=abc&maxResults=5"
                    + "&syncSessionToken=tok", ""),
            sync("UpdateRecords", "POST", DATASET, "{\"DeviceId\":\"d\",\"RecordPatches\":[{\"Op\":\"replace\","
                    + "\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0,\"DeviceLastModifiedDate\":1712345678.123}],"
                    + "\"SyncSessionToken\":\"tok\"}"));

    /** Values a member, label or header may be given instead of a valid one (none spells a Java name). */
    static final List<String> ODD_TEXT = List.of("", " ", "%", "%zz", "%u00e9", "%00", "%C0%AF", "a%2Fb", "..",
            "\u00e9", "\\", "\u0000", "\ud83d\ude00", "a".repeat(1500), "\"", "'", "{", "}", "[]", "null", "-1",
            "1e400", "9223372036854775808", "us-east-1:", ":", "/", "?", "&", "=", "+", "#", "\t", "\r", "\n");

    /** JSON values a member may be given instead of a valid one. */
    static final List<JsonNode> ODD_JSON = oddJson();

    /** One template bent by one mutation. */
    static Arbitrary<Request> requests() {
        Arbitrary<Request> template = Arbitraries.of(TEMPLATES);
        return Arbitraries.oneOf(
                Combinators.combine(template, Arbitraries.integers().between(0, 1000), Arbitraries.of(ODD_JSON))
                        .as(SweepRequests::replaceMember),
                Combinators.combine(template, Arbitraries.integers().between(0, 1000)).as(SweepRequests::dropMember),
                Combinators.combine(template, Arbitraries.integers().between(0, 10_000),
                        Arbitraries.strings().withChars("{}[]\":,0123456789-.eEtruefalsn\\ \u00e9/*").ofMaxLength(3))
                        .as(SweepRequests::editText),
                Combinators.combine(template, Arbitraries.integers().between(0, 20), Arbitraries.of(ODD_TEXT))
                        .as(SweepRequests::replaceSegment),
                Combinators.combine(template, Arbitraries.of("nextToken", "maxResults", "lastSyncCount",
                        "syncSessionToken", "x"), Arbitraries.of(ODD_TEXT)).as(SweepRequests::addQuery),
                Combinators.combine(template, Arbitraries.of("Content-Type", "X-Amz-Target", "x-amz-Client-Context",
                        "Content-Encoding", "X-Amz-Date"), Arbitraries.of(ODD_TEXT)).as(SweepRequests::setHeader));
    }

    private static Request identity(String operation, String body) {
        return new Request(operation, true, "POST", "/", Map.of("X-Amz-Target", "AWSCognitoIdentityService."
                + operation, "Content-Type", "application/x-amz-json-1.1"), body);
    }

    private static Request sync(String operation, String method, String path, String body) {
        return new Request(operation, false, method, path, body.isEmpty() ? Map.of()
                : Map.of("Content-Type", "application/json"), body);
    }

    private static Request replaceMember(Request request, int pick, JsonNode value) {
        return editJson(request, pick, (parent, key) -> {
            if (parent instanceof ObjectNode object) {
                object.set(key, value);
            } else {
                ((ArrayNode) parent).set(Integer.parseInt(key), value);
            }
        });
    }

    private static Request dropMember(Request request, int pick) {
        return editJson(request, pick, (parent, key) -> {
            if (parent instanceof ObjectNode object) {
                object.remove(key);
            } else {
                ((ArrayNode) parent).remove(Integer.parseInt(key));
            }
        });
    }

    private interface Edit {
        void apply(JsonNode parent, String key);
    }

    private static Request editJson(Request request, int pick, Edit edit) {
        if (request.body().isEmpty()) {
            return request.with(request.path(), request.headers(), "{\"Extra\":null}");
        }
        try {
            JsonNode root = JSON.readTree(request.body());
            List<Object[]> places = new ArrayList<>();
            collect(root, places);
            Object[] place = places.get(pick % places.size());
            edit.apply((JsonNode) place[0], (String) place[1]);
            return request.with(request.path(), request.headers(), JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("templates are JSON", e);
        }
    }

    private static void collect(JsonNode node, List<Object[]> places) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                places.add(new Object[] {object, name});
                collect(object.get(name), places);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                places.add(new Object[] {array, Integer.toString(i)});
                collect(array.get(i), places);
            }
        }
    }

    private static Request editText(Request request, int at, String text) {
        String body = request.body();
        int index = body.isEmpty() ? 0 : at % body.length();
        int cut = Math.min(body.length(), index + at % 3);
        return request.with(request.path(), request.headers(), body.substring(0, index) + text + body.substring(cut));
    }

    private static Request replaceSegment(Request request, int pick, String text) {
        String[] parts = request.path().split("\\?", 2);
        String[] segments = parts[0].split("/", -1);
        int index = 1 + pick % Math.max(1, segments.length - 1);
        if (index < segments.length) {
            segments[index] = text;
        }
        String path = String.join("/", segments) + (parts.length > 1 ? "?" + parts[1] : "");
        return request.with(path, request.headers(), request.body());
    }

    private static Request addQuery(Request request, String name, String value) {
        String separator = request.path().contains("?") ? "&" : "?";
        return request.with(request.path() + separator + name + "=" + value, request.headers(), request.body());
    }

    private static Request setHeader(Request request, String name, String value) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(request.headers());
        headers.put(name, value.replace("\r", "").replace("\n", ""));
        return request.with(request.path(), headers, request.body());
    }

    private static List<JsonNode> oddJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<JsonNode> values = new ArrayList<>(List.of(nodes.nullNode(), nodes.booleanNode(true),
                nodes.numberNode(0), nodes.numberNode(-1), nodes.numberNode(Long.MIN_VALUE),
                nodes.numberNode(new java.math.BigDecimal("1e300")), nodes.numberNode(2_147_483_648L),
                nodes.numberNode(1.5), nodes.objectNode(), nodes.arrayNode(), nodes.arrayNode().addNull(),
                nodes.objectNode().putNull("a")));
        ODD_TEXT.forEach(text -> values.add(nodes.textNode(text)));
        return List.copyOf(values);
    }
}
