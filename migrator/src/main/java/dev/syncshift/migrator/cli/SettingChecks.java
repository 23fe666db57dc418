package dev.syncshift.migrator.cli;

import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.job.RunReports;
import dev.syncshift.migrator.source.IdentityFileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Checks of the settings that name something outside the process (a file, a folder, a profile, an endpoint), each a
 * one-line problem that names the setting as the user wrote it. The options run them on what the command line
 * gives; a command runs them again, once its settings are bound, on those the environment set ({@link #fromOutside}),
 * so that a bad {@code SYNCSHIFT_MIGRATOR_IDENTITIES_FILE} is refused before anything starts, as its option is.
 */
final class SettingChecks {

    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    private SettingChecks() {
    }

    /** The first problem of a setting that {@code layers} took from the environment or a system property. */
    static Optional<String> fromOutside(MigratorSettings bound, SettingLayers layers) {
        return layers.outsideName("identities-file").flatMap(name -> identitiesFile(name, bound.identitiesFile()))
                .or(() -> layers.outsideName("profile").flatMap(name -> profile(name, bound.profile())))
                .or(() -> layers.outsideName("region").flatMap(name -> region(name, bound.region())))
                .or(() -> layers.outsideName("cognito-endpoint")
                        .flatMap(name -> endpoint(name, bound.cognitoEndpoint())))
                .or(() -> layers.outsideName("dynamodb-endpoint")
                        .flatMap(name -> endpoint(name, bound.dynamodbEndpoint())))
                .or(() -> layers.outsideName("report").flatMap(name -> bound.report() == null ? Optional.empty()
                        : writable(name, bound.report(), false)));
    }

    /**
     * {@code migrate}'s role is local, manager or worker; a manager or a worker shares a PostgreSQL job repository
     * ({@link JobRepositoryUrl#given}).
     */
    static Optional<String> role(String name, String role) {
        if (!role.matches("local|manager|worker")) {
            return Optional.of(name + " takes local, manager or worker, not '" + role + "'");
        }
        if (!"local".equals(role) && JobRepositoryUrl.given() == null) {
            return Optional.of(name + " " + role + " needs the PostgreSQL job repository it shares: set "
                    + "SPRING_DATASOURCE_URL (and SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD)");
        }
        return Optional.empty();
    }

    /**
     * A file of identity ids must be a readable UTF-8 file naming at least one identity, every one a valid id
     * ({@link IdentityFileReader#check}): a file that names none (empty, or only blank lines and comments) is an
     * export gone wrong, not a pool to pass over.
     */
    static Optional<String> identitiesFile(String name, @Nullable Path file) {
        if (file == null) {
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            return Optional.of(name + " " + file + " is a folder");
        }
        if (!Files.isReadable(file)) {
            return Optional.of(name + " " + file + " cannot be read");
        }
        try {
            return IdentityFileReader.check(file) > 0 ? Optional.empty()
                    : Optional.of(name + " " + file + " names no identity");
        } catch (UncheckedIOException e) {
            IOException cause = Objects.requireNonNull(e.getCause(), "an UncheckedIOException has a cause");
            return Optional.of(name + " " + file + (cause instanceof CharacterCodingException ? " is not UTF-8 text"
                    : " cannot be read: " + RunReports.fileProblem(cause)));
        } catch (IllegalArgumentException e) {
            return Optional.of(name + ": " + e.getMessage());
        }
    }

    /** An endpoint is an absolute http or https URL with a host, as the SDK's endpointOverride needs. */
    static Optional<String> endpoint(String name, @Nullable URI endpoint) {
        if (endpoint == null) {
            return Optional.empty();
        }
        String scheme = endpoint.getScheme();
        if (scheme == null || !scheme.matches("(?i)https?") || endpoint.getHost() == null) {
            return Optional.of(name + " '" + endpoint + "' is not an http or https URL such as https://host:port");
        }
        return Optional.empty();
    }

    /**
     * A region is named as AWS names them (letters, digits and inner hyphens, at most 63: the AWS CLI's own check);
     * the SDK would take any text, and an empty one stop the command as an internal error.
     */
    static Optional<String> region(String name, @Nullable String region) {
        if (region != null && !region.matches("[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?")) {
            return Optional.of(name + " '" + region + "' is not a region name such as eu-west-1");
        }
        return Optional.empty();
    }

    /** A named profile must be in the AWS config or credentials file (those the SDK reads, as the AWS CLI). */
    static Optional<String> profile(String name, @Nullable String profile) {
        if (profile != null && ProfileFile.defaultProfileFile().profile(profile).isEmpty()) {
            return Optional.of(name + " '" + profile + "' is in neither the AWS config file nor the credentials file");
        }
        return Optional.empty();
    }

    /** The logs are text or Spring Boot's structured JSON. */
    static Optional<String> logFormat(String name, String format) {
        return format.matches("text|json") ? Optional.empty()
                : Optional.of(name + " takes text or json, not '" + format + "'");
    }

    /** A file (or a folder) can be written: it, or its nearest existing parent, is a folder this user may write to. */
    static Optional<String> writable(String name, Path path, boolean folder) {
        Path absolute = path.toAbsolutePath();
        if (Files.exists(absolute) && Files.isDirectory(absolute) != folder) {
            return Optional.of(name + " " + path + (folder ? " is not a folder" : " is a folder"));
        }
        Path existing = folder ? absolute : absolute.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            return Optional.of(name + " " + path + " cannot be written: " + existing + " is not a folder this user may "
                    + "write to");
        }
        return Optional.empty();
    }

    /**
     * The AWS SDK's own settings ({@code AWS_*} variables, {@code aws.*} system properties, the profile in the AWS
     * config file), read as the SDK reads them when it builds a client: one it refuses would otherwise stop the command
     * as an internal error, and for a whole number in words that name no setting ({@code For input string: "abc"}).
     */
    static Optional<String> sdkSettings() {
        Optional<String> attempts = SdkSystemSetting.AWS_MAX_ATTEMPTS.getStringValue();
        if (attempts.isPresent() && !attempts.get().strip().matches("[1-9]\\d{0,8}")) {
            return Optional.of(named(SdkSystemSetting.AWS_MAX_ATTEMPTS, attempts.get()) + ", not a whole number of 1 "
                    + "or more (the migrator's own calls take SYNCSHIFT_MIGRATOR_MAX_ATTEMPTS)");
        }
        Optional<String> size = SdkSystemSetting.AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES.getStringValue();
        if (size.isPresent() && !size.get().strip().matches("\\d{1,9}")) {
            return Optional.of(named(SdkSystemSetting.AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES, size.get())
                    + ", not a whole number of bytes");
        }
        try (DynamoDbClient probe = DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(NOWHERE)
                .credentialsProvider(AnonymousCredentialsProvider.create()).httpClient(new Unused()).build()) {
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the AWS SDK refuses its settings (AWS_* variables, aws.* system properties, the "
                    + "profile in the AWS config file): " + Messages.rootMessage(e));
        }
    }

    private static String named(SdkSystemSetting setting, String value) {
        return setting.environmentVariable() + " (or -D" + setting.property() + ") is '" + value + "'";
    }

    /** The probe's HTTP client: the probe is built, never called. */
    private static final class Unused implements SdkHttpClient {

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            throw new UnsupportedOperationException("the SDK settings' probe makes no call");
        }

        @Override
        public void close() {
            // nothing was opened
        }
    }
}
