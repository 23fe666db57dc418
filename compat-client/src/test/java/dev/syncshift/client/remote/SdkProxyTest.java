package dev.syncshift.client.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
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

    /** The variables the AWS SDK reads, checked as it will read them: a value it would pass over is refused. */
    @Test
    void aProxyVariableTheSdkCannotReadIsRefusedNamingIt() {
        assertThatThrownBy(() -> SdkProxy.checkEnvironment(Map.of("HTTP_PROXY", "garbage:::x"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("HTTP_PROXY 'garbage:::x' is not a proxy "
                        + "URL such as http://host:port or http://user:password@host:port");
        assertThatThrownBy(() -> SdkProxy.checkEnvironment(Map.of("http_proxy", "device:s3cret@proxy:3128",
                "HTTP_PROXY", "http://proxy:3128"), new Properties()))
                .hasMessage("http_proxy '…@proxy:3128' is not a proxy URL such as http://host:port or "
                        + "http://user:password@host:port").hasMessageNotContaining("s3cret");
        assertThat(SdkProxy.checkEnvironment(Map.of("HTTP_PROXY", "http://device:s3cret@proxy.example:3128"),
                new Properties())).isEmpty();
    }

    @Test
    void anHttpsProxyVariableTheSdkDoesNotReadIsWarnedOf() {
        assertThat(SdkProxy.checkEnvironment(Map.of("HTTPS_PROXY", "http://proxy:3128"), new Properties()))
                .hasValue("HTTPS_PROXY is set, which the AWS SDK for Java does not read: every call goes direct; "
                        + "name the proxy in HTTP_PROXY, which the SDK takes for https endpoints too");
        assertThat(SdkProxy.checkEnvironment(Map.of("HTTPS_PROXY", "http://proxy:3128", "HTTP_PROXY",
                "http://proxy:3128"), new Properties())).isEmpty();
    }

    /** An https:// proxy URL, which the SDK reaches in plain HTTP at its host and port (ProxyTest shows it). */
    @Test
    void anHttpsProxyUrlIsWarnedOf() {
        assertThat(SdkProxy.checkEnvironment(Map.of("HTTP_PROXY", "https://device:s3cret@proxy.example:3129"),
                new Properties())).hasValue("HTTP_PROXY names an https:// proxy, which the AWS SDK for Java and the "
                        + "JDK reach in plain HTTP all the same (neither speaks TLS to a proxy): if the proxy at "
                        + "proxy.example:3129 takes only TLS, every call fails; name a port where it takes plain HTTP, "
                        + "as http://host:port");
        assertThat(SdkProxy.checkEnvironment(Map.of("http_proxy", "HTTPS://proxy.example"), new Properties()).get())
                .contains("if the proxy at proxy.example takes only TLS").doesNotContain("s3cret");
    }

    @Test
    void theJavaProxyPropertiesLeaveTheVariablesUnread() {
        Properties java = new Properties();
        java.setProperty("http.proxyHost", "proxy.example");

        assertThat(SdkProxy.checkEnvironment(Map.of("HTTP_PROXY", "garbage:::x"), java)).isEmpty();
    }
}
