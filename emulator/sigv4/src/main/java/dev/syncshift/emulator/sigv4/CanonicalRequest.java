package dev.syncshift.emulator.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The canonical request of SigV4 (AWS IAM user guide, "Create a canonical request for Signature Version 4"), built
 * from the request as received and the header names the client signed. The path is normalized (dot segments removed)
 * and encoded a second time, and the payload hash is the received body's, as every service but S3 expects.
 */
final class CanonicalRequest {

    private static final String PRESIGNED_SIGNATURE = "X-Amz-Signature";

    private CanonicalRequest() {
    }

    static String of(SignedHttpRequest request, SigV4Authorization authorization) {
        return request.method() + "\n"
                + uri(request.rawPath()) + "\n"
                + query(request, authorization.presigned()) + "\n"
                + headers(request, authorization.signedHeaders()) + "\n"
                + String.join(";", authorization.signedHeaders()) + "\n"
                + payloadHash(request);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String uri(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = rawPath.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals("..")) {
                segments.pollLast();
            } else if (!parts[i].equals(".")) {
                segments.addLast(parts[i]);
            }
        }
        String normalized = "/" + String.join("/", segments);
        return UriEncoding.encode(normalized, true);
    }

    private static String query(SignedHttpRequest request, boolean presigned) {
        return UriEncoding.queryPairs(request.rawQuery()).stream()
                .filter(pair -> !presigned || !pair[0].equals(PRESIGNED_SIGNATURE))
                .map(pair -> new String[] {UriEncoding.encode(pair[0], false), UriEncoding.encode(pair[1], false)})
                .sorted(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]))
                .map(pair -> pair[0] + "=" + pair[1])
                .collect(Collectors.joining("&"));
    }

    private static String headers(SignedHttpRequest request, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            out.append(name).append(':').append(values.stream().map(CanonicalRequest::trimAll)
                    .collect(Collectors.joining(","))).append('\n');
        }
        return out.toString();
    }

    private static String trimAll(String value) {
        return value.trim().replaceAll(" +", " ");
    }

    /**
     * The body's own hash. Services other than S3 hash the body they received, whatever an
     * {@code x-amz-content-sha256} header claims: a body changed on the way, or an {@code UNSIGNED-PAYLOAD}, fails.
     */
    private static String payloadHash(SignedHttpRequest request) {
        return sha256Hex(request.body());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
