package dev.syncshift.emulator.sigv4;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request's SigV4 authorization, from its {@code Authorization} header
 * ({@code AWS4-HMAC-SHA256 Credential=AKID/20261201/us-east-1/appsync/aws4_request, SignedHeaders=..., Signature=...})
 * or from presigned query parameters ({@code X-Amz-Algorithm}, {@code X-Amz-Credential}, {@code X-Amz-Date},
 * {@code X-Amz-Expires}, {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature}).
 *
 * @param accessKeyId the credential scope's access key id
 * @param scopeDate the credential scope's date, {@code yyyyMMdd}
 * @param region the credential scope's region
 * @param service the credential scope's signing name
 * @param signedHeaders the signed header names, lower case, in the order signed
 * @param signature the hex signature
 * @param amzDate the signing time, ISO 8601 basic ({@code yyyyMMdd'T'HHmmss'Z'})
 * @param presigned whether it came from the query rather than the {@code Authorization} header
 * @param expiresSeconds how long a presigned request is valid ({@code X-Amz-Expires}); 0 for header authorization
 * @param sessionToken the session token sent with it ({@code X-Amz-Security-Token}), or null
 */
public record SigV4Authorization(String accessKeyId, String scopeDate, String region, String service,
        List<String> signedHeaders, String signature, String amzDate, boolean presigned, int expiresSeconds,
        @Nullable String sessionToken) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final int MAX_EXPIRES = 604_800;

    /** Copies the list. */
    public SigV4Authorization {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /**
     * Reads a request's authorization, from its header or else its query.
     *
     * @param request the request
     * @return the authorization
     * @throws SigV4Failure {@link FailureReason#MISSING} when there is none, {@link FailureReason#INCOMPLETE} when
     *     a part is missing or malformed
     */
    public static SigV4Authorization of(SignedHttpRequest request) {
        String header = request.header("authorization");
        if (header != null) {
            return fromHeader(request, header.trim());
        }
        if (request.queryParameter("X-Amz-Algorithm") != null) {
            return fromQuery(request);
        }
        throw new SigV4Failure(FailureReason.MISSING, "Missing Authentication Token");
    }

    private static SigV4Authorization fromHeader(SignedHttpRequest request, String header) {
        if (!header.startsWith(ALGORITHM + " ")) {
            throw incomplete("Authorization header requires the " + ALGORITHM + " algorithm.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : header.substring(ALGORITHM.length()).split(",")) {
            String item = part.trim();
            credential = item.startsWith("Credential=") ? item.substring(11) : credential;
            signedHeaders = item.startsWith("SignedHeaders=") ? item.substring(14) : signedHeaders;
            signature = item.startsWith("Signature=") ? item.substring(10) : signature;
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw incomplete("Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' "
                    + "parameters. Authorization=" + header.split(" ")[0]);
        }
        return build(credential, signedHeaders, signature, headerDate(request), false, 0,
                request.header("x-amz-security-token"));
    }

    private static SigV4Authorization fromQuery(SignedHttpRequest request) {
        if (!ALGORITHM.equals(request.queryParameter("X-Amz-Algorithm"))) {
            throw incomplete("X-Amz-Algorithm only supports \"" + ALGORITHM + "\"");
        }
        String credential = request.queryParameter("X-Amz-Credential");
        String signedHeaders = request.queryParameter("X-Amz-SignedHeaders");
        String signature = request.queryParameter("X-Amz-Signature");
        String date = request.queryParameter("X-Amz-Date");
        String expires = request.queryParameter("X-Amz-Expires");
        if (credential == null || signedHeaders == null || signature == null || date == null || expires == null) {
            throw incomplete("AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', "
                    + "'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', and 'X-Amz-Expires'.");
        }
        return build(credential, signedHeaders, signature, date, true, expires(expires),
                request.queryParameter("X-Amz-Security-Token"));
    }

    private static SigV4Authorization build(String credential, String signedHeaders, String signature,
            String amzDate, boolean presigned, int expires, @Nullable String token) {
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4]) || scope[0].isEmpty()) {
            throw incomplete("Credential should be scoped to a valid region, a service and aws4_request: '"
                    + credential + "'.");
        }
        checkBasicFormat(amzDate);
        if (!amzDate.startsWith(scope[1])) {
            throw incomplete("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from "
                    + "HTTP: '" + scope[1] + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], List.of(signedHeaders.split(";")),
                signature, amzDate, presigned, expires, token);
    }

    private static String headerDate(SignedHttpRequest request) {
        String amzDate = request.header("x-amz-date");
        if (amzDate != null) {
            return amzDate;
        }
        String date = request.header("date");
        if (date == null) {
            throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        try {
            return SigV4Verifier.BASIC.format(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw incomplete("Date must be in ISO-8601 'basic format'. Got '" + date + "'.");
        }
    }

    private static void checkBasicFormat(String amzDate) {
        try {
            SigV4Verifier.BASIC.parse(amzDate);
        } catch (DateTimeParseException e) {
            throw incomplete("Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'. See "
                    + "http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    private static int expires(String text) {
        int seconds;
        try {
            seconds = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw incomplete("X-Amz-Expires should be a number");
        }
        if (seconds < 1 || seconds > MAX_EXPIRES) {
            throw incomplete("X-Amz-Expires must be between 1 second and a week (604800 seconds)");
        }
        return seconds;
    }

    private static SigV4Failure incomplete(String message) {
        return new SigV4Failure(FailureReason.INCOMPLETE, message);
    }
}
