package dev.syncshift.client.remote.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the client reads from an API's GraphQL URL: its region, and its real-time URL, as AppSync names them. */
class AppSyncHostTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
        "https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql, eu-west-1",
        "https://abcdefghijklmnopqrstuvwxyz.appsync-api.cn-north-1.amazonaws.com.cn/graphql, cn-north-1",
        "https://ABCDEFGHIJKLMNOPQRSTUVWXYZ.APPSYNC-API.US-EAST-2.AMAZONAWS.COM/graphql, us-east-2",
        "https://api.example.com/graphql, none",
        "http://127.0.0.1:8080/graphql, none",
        "https://appsync-api.eu-west-1.amazonaws.com.example.com/graphql, none"})
    void theRegionIsTheOneInAnAppSyncHostName(String graphql, String region) {
        assertThat(AppSyncRemoteStore.regionOf(URI.create(graphql)).orElse(null)).isEqualTo(region);
    }

    @ParameterizedTest
    @CsvSource({
        "https://abc.appsync-api.eu-west-1.amazonaws.com/graphql,"
                + " wss://abc.appsync-realtime-api.eu-west-1.amazonaws.com/graphql",
        "https://api.example.com/graphql, wss://api.example.com/graphql/realtime",
        "http://127.0.0.1:8080/graphql, ws://127.0.0.1:8080/graphql/realtime"})
    void theRealtimeUrlIsTheOneAppSyncGives(String graphql, String realtime) {
        assertThat(AppSyncRemoteStore.realtimeEndpoint(URI.create(graphql))).isEqualTo(URI.create(realtime));
    }
}
