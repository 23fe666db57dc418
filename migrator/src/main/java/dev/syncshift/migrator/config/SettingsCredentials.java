package dev.syncshift.migrator.config;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The credentials the settings name ({@code --profile}, else the SDK's default chain), failing as one SDK client
 * failure whose message starts with {@link #FAILURE} and says which profile, where the SDK's profile providers throw
 * {@code IllegalStateException} or {@code IllegalArgumentException} for a profile they cannot use (a circular
 * {@code source_profile}, a source profile without keys, an {@code sso_session} section that is not there, a
 * {@code credential_process} that fails, half a key) and describe a role without a source with the whole parsed
 * file; an IAM Identity Center profile without a valid sign-in is told the {@code aws sso login} to run. Where the
 * default chain finds nothing and {@code AWS_PROFILE} names a profile (or, without it, the {@code default} profile
 * holds keys, a role, a process or a sign-in), the failure is that profile's, not the chain's list of every
 * provider. The checks and runs report SDK failures as problems with the source or target (exit code 3), not as a
 * bug.
 */
public final class SettingsCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

    /** How the message of a failure to get the credentials starts. */
    public static final String FAILURE = "the credentials of ";
    /** How the SDK's default chain fails when none of its providers has credentials; each one's reason follows. */
    public static final String NO_CREDENTIALS = "Unable to load credentials from any of the providers in the chain";
    /** How the SDK's failure for a profile without credentials starts; the parsed file follows it. */
    private static final String NO_CREDENTIALS_IN_PROFILE = "Profile file contained no credentials for profile '";
    private static final String DEFAULT = "default";
    private static final String CHAIN = "the SDK's default chain";
    /** The profile properties the SDK takes credentials from. */
    private static final Set<String> CREDENTIAL_PROPERTIES = Set.of("aws_access_key_id", "aws_secret_access_key",
            "aws_session_token", "role_arn", "source_profile", "credential_source", "credential_process",
            "web_identity_token_file", "sso_session", "sso_start_url");

    private final AwsCredentialsProvider delegate;
    /** The profile named by AWS_PROFILE, which the default chain reads among others; null: none, or not the chain. */
    private final @Nullable String environmentProfile;
    private final String profile;
    private final String source;

    private SettingsCredentials(AwsCredentialsProvider delegate, @Nullable String environmentProfile, String profile,
            String source) {
        this.delegate = delegate;
        this.environmentProfile = environmentProfile;
        this.profile = profile;
        this.source = source;
    }

    /** The credentials of {@code profile}, or of the SDK's default chain when it is null. */
    static SettingsCredentials of(@Nullable String profile) {
        if (profile != null) {
            return new SettingsCredentials(ProfileCredentialsProvider.create(profile), null, profile,
                    "profile '" + profile + "'");
        }
        String fromEnvironment = System.getenv("AWS_PROFILE");
        return new SettingsCredentials(DefaultCredentialsProvider.builder().build(), fromEnvironment, DEFAULT, CHAIN);
    }

    /** Whether the default profile holds a property the SDK takes credentials from (keys, a role, a process…). */
    private static boolean defaultProfileNamesCredentials() {
        return ProfileFile.defaultProfileFile().profile(DEFAULT).map(found -> found.properties().keySet().stream()
                .anyMatch(CREDENTIAL_PROPERTIES::contains)).orElse(false);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return delegate.resolveCredentials();
        } catch (SdkException e) {
            String message = String.valueOf(e.getMessage());
            if (environmentProfile != null && message.startsWith(NO_CREDENTIALS)) {
                // the chain's message holds every provider's reason; the one that matters is the named profile's
                return new SettingsCredentials(ProfileCredentialsProvider.create(environmentProfile), null,
                        environmentProfile, "profile '" + environmentProfile + "' (AWS_PROFILE)").resolveCredentials();
            }
            if (source.equals(CHAIN) && message.startsWith(NO_CREDENTIALS) && defaultProfileNamesCredentials()) {
                // as above for the default profile, which the chain reads when AWS_PROFILE is not set: a failing
                // credential_process there was told as no credentials found at all
                return new SettingsCredentials(ProfileCredentialsProvider.create(DEFAULT), null, DEFAULT,
                        "profile '" + DEFAULT + "'").resolveCredentials();
            }
            if (message.contains("SSO")) {
                // an IAM Identity Center profile not signed in, or whose sign-in expired: nothing was sent anywhere
                throw failure("no valid AWS IAM Identity Center (SSO) sign-in: run 'aws sso login --profile "
                        + profile + "' (" + message.lines().findFirst().orElse("").strip() + ")", e);
            }
            if (!message.startsWith(NO_CREDENTIALS_IN_PROFILE)) {
                throw e;
            }
            throw failure(ProfileFile.defaultProfileFile().profile(profile).isPresent()
                    ? "it holds no keys, and no role_arn with a source_profile or credential_source"
                    : "neither the AWS config file nor the credentials file holds it", e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            Throwable cause = e.getCause();
            throw failure(firstLine(e) + (cause == null || cause.getMessage() == null ? "" : " (" + firstLine(cause)
                    + ")"), e);
        }
    }

    private static String firstLine(Throwable e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
    }

    private SdkClientException failure(String why, Exception cause) {
        return SdkClientException.builder().message(FAILURE + source + " cannot be had: " + why).cause(cause)
                .build();
    }

    @Override
    public void close() {
        IoUtils.closeIfCloseable(delegate, null);
    }
}
