package dev.syncshift.migrator;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Puts Cognito Sync's refusal of a disabled identity in the place of each answer to a call on one identity: 403,
 * {@code x-amzn-ErrorType: NotAuthorizedException}, "Access to Identity '<id>' is forbidden.". The call itself goes to
 * the emulator; the SDK parses the refusal as it parses AWS's errors.
 */
final class IdentityRefusal implements ExecutionInterceptor {

    private final String identityId;

    IdentityRefusal(String identityId) {
        this.identityId = identityId;
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!onIdentity(context)) {
            return context.httpResponse();
        }
        return context.httpResponse().toBuilder().statusCode(403).statusText("Forbidden")
                .removeHeader("Content-Length").putHeader("x-amzn-ErrorType", "NotAuthorizedException").build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        if (!onIdentity(context)) {
            return context.responseBody();
        }
        String body = "{\"message\":\"Access to Identity '" + identityId + "' is forbidden.\"}";
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private boolean onIdentity(Context.ModifyHttpResponse context) {
        String path = URLDecoder.decode(context.httpRequest().encodedPath(), StandardCharsets.UTF_8);
        return path.contains("/identities/" + identityId);
    }
}
