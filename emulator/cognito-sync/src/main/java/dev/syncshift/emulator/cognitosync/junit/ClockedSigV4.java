package dev.syncshift.emulator.cognitosync.junit;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * The SDK's SigV4 auth scheme, signing at the time a given clock tells (the SDK's public signer property
 * {@link HttpSigner#SIGNING_CLOCK}), so a test can move the service's clock and the device's together, or set them
 * apart. Give it to any SDK client of the emulator ({@code builder.putAuthScheme(new ClockedSigV4(clock))}) that
 * must sign on a {@link MutableClock}'s time.
 *
 * @param clock the signing time
 */
public record ClockedSigV4(Clock clock) implements AuthScheme<AwsCredentialsIdentity> {

    private static final AwsV4AuthScheme SIGV4 = AwsV4AuthScheme.create();

    @Override
    public String schemeId() {
        return AwsV4AuthScheme.SCHEME_ID;
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
        return SIGV4.identityProvider(providers);
    }

    @Override
    public HttpSigner<AwsCredentialsIdentity> signer() {
        AwsV4HttpSigner signer = SIGV4.signer();
        return new HttpSigner<>() {
            @Override
            public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
                return signer.sign(request.toBuilder().putProperty(SIGNING_CLOCK, clock).build());
            }

            @Override
            public CompletableFuture<AsyncSignedRequest> signAsync(
                    AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
                return signer.signAsync(request.toBuilder().putProperty(SIGNING_CLOCK, clock).build());
            }
        };
    }
}
