package dev.syncshift.client.remote.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.client.DataAccessNotAuthorizedException;
import dev.syncshift.client.DataStorageException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * AppSync's HTTP-level refusals as an app sees them. The emulator does not evaluate IAM policies, so the answer AppSync
 * gives a role without the API's user policy is written out here: it must name the likely cause, which is not in
 * AppSync's own text.
 */
class AppSyncErrorsTest {

    @Test
    void aRefusalByIamNamesThePoolsRoles() throws IOException {
        DataStorageException refused = AppSyncErrors.translate("Failed to synchronize dataset: prefs", answer(401,
                "{\"errors\":[{\"errorType\":\"UnauthorizedException\","
                        + "\"message\":\"Not Authorized to access syncDataset on type Mutation\"}]}"));

        assertThat(refused).isInstanceOf(DataAccessNotAuthorizedException.class)
                .hasMessageContaining("Not Authorized to access syncDataset on type Mutation (Request ID: "
                        + "a3c9d1f0-0000-4000-8000-000000000001)")
                .hasMessageContaining("the identity pool's role for this identity, authenticated or unauthenticated, "
                        + "needs the API's user policy");
    }

    @Test
    void aRefusedSignatureTokenOrHeaderKeepsItsOwnText() throws IOException {
        DataStorageException expired = AppSyncErrors.translate("x", answer(401, "{\"errors\":[{\"errorType\":"
                + "\"UnauthorizedException\",\"message\":\"The security token included in the request is "
                + "expired\"}]}"));
        DataStorageException skewed = AppSyncErrors.translate("x", answer(401, "{\"errors\":[{\"errorType\":"
                + "\"UnauthorizedException\",\"message\":\"Signature expired: 20261202T182912Z is now earlier\"}]}"));
        DataStorageException unsigned = AppSyncErrors.translate("x", answer(401, "{\"errors\":[{\"errorType\":"
                + "\"UnauthorizedException\",\"message\":\"Valid authorization header not provided.\"}]}"));
        DataStorageException resolver = AppSyncErrors.translate("x", answer(200, "{\"data\":null,\"errors\":[{"
                + "\"errorType\":\"Unauthorized\",\"message\":\"Not Authorized to access onDatasetChanged\"}]}"));

        assertThat(expired).isInstanceOf(DataAccessNotAuthorizedException.class).message().doesNotContain("IAM");
        assertThat(skewed).isInstanceOf(DataAccessNotAuthorizedException.class).message().doesNotContain("IAM");
        assertThat(unsigned).isInstanceOf(DataAccessNotAuthorizedException.class).message().doesNotContain("IAM");
        assertThat(resolver).message().doesNotContain("IAM");
    }

    private static GraphQlCall.Answer answer(int status, String body) throws IOException {
        JsonNode json = GraphQlCall.JSON.readTree(body);
        return new GraphQlCall.Answer(status, json, "a3c9d1f0-0000-4000-8000-000000000001");
    }
}
