package dev.syncshift.migrator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which proxy the environment names for a call, as the AWS CLI reads the variables. */
class ProxyEnvironmentTest {

    static final URI AWS = URI.create("https://cognito-sync.us-east-1.amazonaws.com");
    static final URI LOCAL = URI.create("http://localhost:8000");

    @Test
    void httpsEndpointsTakeHttpsProxyAndHttpOnesHttpProxyLowerCaseFirst() {
        ProxyEnvironment proxies = of(Map.of("HTTPS_PROXY", "http://upper:3128", "https_proxy", "lower:3129",
                "HTTP_PROXY", "http://plain:8080"));

        assertThat(proxies.proxyFor(null)).hasToString("lower:3129 (https_proxy)");
        assertThat(proxies.proxyFor(AWS)).hasToString("lower:3129 (https_proxy)");
        assertThat(proxies.proxyFor(LOCAL)).hasToString("plain:8080 (HTTP_PROXY)");
    }

    /** The AWS SDK for Java reads HTTP_PROXY for https endpoints too: a setup that names only it keeps working. */
    @Test
    void anHttpsEndpointWithNoHttpsProxyTakesTheHttpOne() {
        assertThat(of(Map.of("HTTP_PROXY", "http://plain:8080")).proxyFor(AWS)).hasToString("plain:8080 (HTTP_PROXY)");
        assertThat(of(Map.of("http_proxy", "plain:8080", "HTTP_PROXY", "other:1")).proxyFor(AWS))
                .hasToString("plain:8080 (http_proxy)");
        assertThat(of(Map.of("HTTPS_PROXY", "http://secure:3128")).proxyFor(LOCAL)).isNull();
        assertThat(of(Map.of("HTTPS_PROXY", " ")).proxyFor(AWS)).isNull();
        assertThat(of(Map.of()).proxyFor(AWS)).isNull();
    }

    @Test
    void theUserAndPasswordArePercentDecodedTheSchemeAndPortDefaulted() {
        ProxyEnvironment.Proxy proxy = of(Map.of("HTTPS_PROXY", "http://mig%40corp:p%3Ass@proxy.corp")).proxyFor(AWS);
        ProxyEnvironment.Proxy secure = of(Map.of("HTTPS_PROXY", "https://proxy.corp/")).proxyFor(AWS);

        assertThat(proxy).isEqualTo(new ProxyEnvironment.Proxy("HTTPS_PROXY", URI.create("http://proxy.corp:80"),
                "mig@corp", "p:ss"));
        assertThat(proxy.named()).isEqualTo("proxy.corp:80 (HTTPS_PROXY)").doesNotContain("p:ss");
        assertThat(secure).isEqualTo(new ProxyEnvironment.Proxy("HTTPS_PROXY", URI.create("https://proxy.corp:443"),
                null, null));
    }

    @Test
    void noProxyHostsGoDirectWithTheirSubdomains() {
        ProxyEnvironment proxies = of(Map.of("HTTPS_PROXY", "proxy:3128", "HTTP_PROXY", "proxy:3128",
                "no_proxy", "localhost, .internal.example,*.corp.example,10.0.0.7:8000,[::1]", "NO_PROXY", "aws"));

        assertThat(proxies.proxyFor(LOCAL)).isNull();
        assertThat(proxies.proxyFor(URI.create("https://dynamodb.internal.example"))).isNull();
        assertThat(proxies.proxyFor(URI.create("https://internal.example"))).isNull();
        assertThat(proxies.proxyFor(URI.create("https://a.b.corp.example"))).isNull();
        assertThat(proxies.proxyFor(URI.create("http://10.0.0.7:9000"))).isNull();
        assertThat(proxies.proxyFor(URI.create("http://[::1]:9000"))).isNull();
        assertThat(proxies.proxyFor(URI.create("https://notinternal.example"))).isNotNull();
        assertThat(proxies.proxyFor(URI.create("https://internalXexample"))).as("a dot is a dot").isNotNull();
        assertThat(proxies.proxyFor(AWS)).as("NO_PROXY yields to no_proxy").isNotNull();
        assertThat(of(Map.of("HTTPS_PROXY", "proxy:3128", "NO_PROXY", "*")).proxyFor(AWS)).isNull();
    }

    /** The SDK's own rule where the JVM names a proxy: its system properties, and no variable. */
    @Test
    void theJavaProxyPropertiesLeaveTheChoiceToTheSdk() {
        Properties java = new Properties();
        java.setProperty("http.proxyHost", "javaproxy");

        assertThat(ProxyEnvironment.of(Map.of("HTTPS_PROXY", "proxy:3128"), java).proxyFor(AWS)).isNull();
    }

    /** The demo's calls go to its own emulators on this machine. */
    @Test
    void theDemosPropertySendsEveryCallDirect() {
        Properties demo = new Properties();
        demo.setProperty(ProxyEnvironment.DIRECT, "true");
        demo.setProperty("http.proxyHost", "javaproxy");

        ProxyEnvironment proxies = ProxyEnvironment.of(Map.of("HTTP_PROXY", "proxy:3128"), demo);

        assertThat(proxies.proxyFor(LOCAL)).isNull();
        assertThat(proxies.apacheSettings(LOCAL).host()).isNull();
    }

    @Test
    void aValueThatIsNotAProxyIsRefusedNamingItsVariableAndNeverThePassword() {
        assertThatThrownBy(() -> of(Map.of("HTTPS_PROXY", "garbage:::x"))).hasMessage("HTTPS_PROXY 'garbage:::x' is "
                + "not a proxy such as http://host:port or http://user:password@host:port");
        assertThatThrownBy(() -> of(Map.of("http_proxy", "http://user:s3cret@proxy:3128/path")))
                .hasMessage("http_proxy 'http://…@proxy:3128/path' is not a proxy such as http://host:port or "
                        + "http://user:password@host:port");
        assertThatThrownBy(() -> of(Map.of("HTTPS_PROXY", "user:s3cret@proxy:3128:1"))).hasMessage("HTTPS_PROXY "
                + "'…@proxy:3128:1' is not a proxy such as http://host:port or http://user:password@host:port");
        assertThatThrownBy(() -> of(Map.of("HTTPS_PROXY", "http://proxy:99999"))).hasMessageStartingWith(
                "HTTPS_PROXY 'http://proxy:99999' is not a proxy");
        assertThatThrownBy(() -> of(Map.of("ALL_PROXY", "x", "https_proxy", "socks5://proxy:1080")))
                .hasMessage("https_proxy names a socks5 proxy; only http and https proxies are supported");
    }

    private static ProxyEnvironment of(Map<String, String> environment) {
        return ProxyEnvironment.of(environment, new Properties());
    }
}
