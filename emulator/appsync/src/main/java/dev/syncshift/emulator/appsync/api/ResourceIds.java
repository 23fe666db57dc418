package dev.syncshift.emulator.appsync.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Identifiers shaped like AppSync's (26 lower-case letters and digits), derived from what the template names, so
 * the same template always gets the same API and function ids.
 */
final class ResourceIds {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int LENGTH = 26;

    private ResourceIds() {
    }

    static String of(String seed) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
        }
        return id.toString();
    }
}
