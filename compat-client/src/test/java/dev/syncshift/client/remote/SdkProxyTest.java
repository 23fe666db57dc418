package dev.syncshift.client.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The proxy's user and password go to the proxy alone, as the Basic header a proxy reads. */
class SdkProxyTest {

    private static final InetSocketAddress PROXY = InetSocketAddress.createUnresolved("proxy.example", 3128);
    private static final URI API = URI.create("https://abc.appsync-api.us-east-1.amazonaws.com/graphql");
    private static final URI REALTIME = URI.create("wss://abc.appsync-realtime-api.us-east-1.amazonaws.com/graphql");

    @Test
    void aRequestTheProxyCarriesHasItsUserAndPasswordAsBasic() {
        SdkProxy proxy = SdkProxy.of(PROXY, Set.of(), "device", "s3cret:é");

        assertThat(proxy.authorizationFor(API)).isEqualTo("Basic ZGV2aWNlOnMzY3JldDrDqQ==");
        assertThat(proxy.authorizationFor(REALTIME)).isEqualTo("Basic ZGV2aWNlOnMzY3JldDrDqQ==");
    }

    @Test
    void aRequestThatGoesDirectHasNoneSoTheyNeverReachAppSync() {
        SdkProxy proxy = SdkProxy.of(PROXY, Set.of(".*\\.amazonaws\\.com"), "device", "s3cret");

        assertThat(proxy.select(API)).containsExactly(java.net.Proxy.NO_PROXY);
        assertThat(proxy.authorizationFor(API)).isNull();
        assertThat(proxy.authorizationFor(REALTIME)).isNull();
    }

    @Test
    void aProxyGivenNoUserGetsNoHeader() {
        assertThat(SdkProxy.of(PROXY, Set.of(), null, null).authorizationFor(API)).isNull();
        assertThat(SdkProxy.of(PROXY, Set.of(), "", "s3cret").authorizationFor(API)).isNull();
    }
}
