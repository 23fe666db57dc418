package dev.syncshift.client.remote.appsync;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.client.NetworkException;
import dev.syncshift.core.IdentityId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A GraphQL call to an endpoint nothing listens on, as an app sees it while the API is out of reach. */
class GraphQlCallTest {

    @Test
    void aRefusedConnectionIsANetworkExceptionThatSaysWhatFailed() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
        GraphQlCall call = new GraphQlCall(endpoint, "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
                Clock.systemUTC());

        assertThatThrownBy(() -> call.post("query { ping }", Map.of(),
                new IdentityId("us-east-1:00000000-0000-0000-0000-000000000000"))).isInstanceOf(NetworkException.class)
                .hasMessage("AppSync could not be reached at " + endpoint + ": Connection refused");
    }
}
