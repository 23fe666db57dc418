package dev.syncshift.migrator.job.remote;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * An endpoint written the one way every spelling of it gets: scheme and host in lower case (neither tells case
 * apart), the scheme's default port written out, no trailing slash, and this machine's loopback by name or by address
 * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) as {@code localhost}. Other host names are not resolved: what a
 * name resolves to can differ from machine to machine, and two names of one address can be two stores behind it.
 */
final class CanonicalEndpoint {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "[0:0:0:0:0:0:0:1]");

    private CanonicalEndpoint() {
    }

    static String of(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
        String rest = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        if (endpoint.getRawQuery() != null) {
            rest += "?" + endpoint.getRawQuery();
        }
        return scheme + "://" + (LOOPBACK.contains(host) ? "localhost" : host) + ":" + port(scheme, endpoint.getPort())
                + rest;
    }

    private static int port(String scheme, int port) {
        if (port != -1) {
            return port;
        }
        return scheme.equals("https") ? 443 : 80;
    }
}
