package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.Caller;
import dev.syncshift.emulator.cognitosync.rules.CallerIdentity;
import dev.syncshift.emulator.cognitosync.rules.StsException;
import dev.syncshift.emulator.cognitosync.rules.StsRules;
import dev.syncshift.emulator.cognitosync.store.StoredRoleSession;
import dev.syncshift.emulator.sigv4.QueryParameters;
import dev.syncshift.emulator.sigv4.SigV4Authorization;
import dev.syncshift.emulator.sigv4.SigV4Failure;
import dev.syncshift.emulator.sigv4.SignedHttpRequest;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * STS on the emulator's port (docs/cognito-sync.md#sts), in its AWS Query protocol: a form-encoded POST naming an
 * {@code Action}, answered in XML. Requests of another shape go on to the next handler (Cognito Sync and Cognito
 * Identity). AssumeRole and GetCallerIdentity are signed (service {@code sts}) and checked by the emulator's
 * authenticator;
 * AssumeRoleWithWebIdentity is not signed, as on AWS. Errors come as STS's {@code ErrorResponse}, with STS's names
 * for refused signatures ({@code InvalidClientTokenId}, {@code SignatureDoesNotMatch}, …).
 */
public final class StsHandler extends Handler.Wrapper {

    private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String VERSION = "2011-06-15";

    private final StsRules rules;
    private final RequestAuthenticator authenticator;
    private final int maxBodyBytes;

    /** STS served by {@code rules}, in front of {@code next}. */
    public StsHandler(StsRules rules, RequestAuthenticator authenticator, int maxBodyBytes, Handler next) {
        super(next);
        this.rules = rules;
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Whether a request is STS's: a form-encoded POST without {@code X-Amz-Target} (which Cognito Identity uses). */
    static boolean isSts(String method, @Nullable String contentType, @Nullable String target) {
        return method.equals("POST") && target == null && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!isSts(request.getMethod(), request.getHeaders().get("Content-Type"),
                request.getHeaders().get("X-Amz-Target"))) {
            return super.handle(request, response, callback);
        }
        String requestId = CognitoHttpHandler.requestId();
        try {
            byte[] body = CognitoHttpHandler.readBody(request, maxBodyBytes);
            // a form body writes a space as '+', which a query string would not
            Map<String, String> form = QueryParameters.firstValues(
                    new String(body, StandardCharsets.UTF_8).replace("+", "%20"));
            String action = form.getOrDefault("Action", "");
            String answer = switch (action) {
                case "AssumeRole" -> answer(action, rules.assumeRole(caller(request, body), form.get("RoleArn"),
                        form.get("RoleSessionName"), form.get("DurationSeconds")), requestId);
                case "AssumeRoleWithWebIdentity" -> answer(action, rules.assumeRoleWithWebIdentity(
                        form.get("RoleArn"), form.get("RoleSessionName"), form.get("WebIdentityToken"),
                        form.get("DurationSeconds")), requestId);
                case "GetCallerIdentity" -> answer(callerIdentity(request, body), requestId);
                default -> throw new WireException("InvalidAction", 400, "Could not find operation " + action
                        + " for version " + form.getOrDefault("Version", VERSION));
            };
            write(response, callback, 200, answer);
        } catch (StsException e) {
            write(response, callback, e.status(), error(e.code(), e.getMessage(), requestId));
        } catch (WireException e) {
            if (e.status() != 413) {
                Content.Source.consumeAll(request);
            }
            write(response, callback, e.status(), error(stsName(e.code()), e.getMessage(), requestId));
        }
        return true;
    }

    private Caller caller(Request request, byte[] body) {
        return authenticator.authenticate(signed(request, body));
    }

    /** GetCallerIdentity: any signed request may ask who signed it. */
    private CallerIdentity callerIdentity(Request request, byte[] body) {
        SignedHttpRequest signed = signed(request, body);
        Caller caller = authenticator.authenticate(signed);
        try {
            return rules.callerIdentity(caller, SigV4Authorization.of(signed).accessKeyId());
        } catch (SigV4Failure failure) {
            throw StrictSigV4Authenticator.refused(failure);
        }
    }

    private static SignedHttpRequest signed(Request request, byte[] body) {
        return new SignedHttpRequest(request.getMethod(), request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(), CognitoHttpHandler.headers(request), body);
    }

    private static String answer(CallerIdentity identity, String requestId) {
        return xml(writer -> {
            writer.writeStartElement("GetCallerIdentityResponse");
            writer.writeDefaultNamespace(NAMESPACE);
            writer.writeStartElement("GetCallerIdentityResult");
            element(writer, "Arn", identity.arn());
            element(writer, "UserId", identity.userId());
            element(writer, "Account", identity.account());
            writer.writeEndElement();
            metadata(writer, requestId);
            writer.writeEndElement();
        });
    }

    /** STS's names for the refusals the authenticator names as Cognito does. */
    private static String stsName(String code) {
        return switch (code) {
            case "MissingAuthenticationTokenException" -> "MissingAuthenticationToken";
            case "IncompleteSignatureException" -> "IncompleteSignature";
            case "UnrecognizedClientException" -> "InvalidClientTokenId";
            case "InvalidSignatureException" -> "SignatureDoesNotMatch";
            case "ExpiredTokenException" -> "ExpiredToken";
            default -> code;
        };
    }

    private String answer(String action, StoredRoleSession session, String requestId) {
        return xml(writer -> {
            writer.writeStartElement(action + "Response");
            writer.writeDefaultNamespace(NAMESPACE);
            writer.writeStartElement(action + "Result");
            writer.writeStartElement("Credentials");
            element(writer, "AccessKeyId", session.accessKeyId());
            element(writer, "SecretAccessKey", session.secretKey());
            element(writer, "SessionToken", session.sessionToken());
            element(writer, "Expiration", DateTimeFormatter.ISO_INSTANT.format(session.expiration()));
            writer.writeEndElement();
            writer.writeStartElement("AssumedRoleUser");
            element(writer, "AssumedRoleId", rules.assumedRoleId(session));
            element(writer, "Arn", rules.assumedRoleArn(session));
            writer.writeEndElement();
            writer.writeEndElement();
            metadata(writer, requestId);
            writer.writeEndElement();
        });
    }

    private static String error(String code, @Nullable String message, String requestId) {
        return xml(writer -> {
            writer.writeStartElement("ErrorResponse");
            writer.writeDefaultNamespace(NAMESPACE);
            writer.writeStartElement("Error");
            element(writer, "Type", "Sender");
            element(writer, "Code", code);
            element(writer, "Message", message == null ? code : message);
            writer.writeEndElement();
            element(writer, "RequestId", requestId);
            writer.writeEndElement();
        });
    }

    private static void metadata(XMLStreamWriter writer, String requestId) throws XMLStreamException {
        writer.writeStartElement("ResponseMetadata");
        element(writer, "RequestId", requestId);
        writer.writeEndElement();
    }

    private static void element(XMLStreamWriter writer, String name, String text) throws XMLStreamException {
        writer.writeStartElement(name);
        writer.writeCharacters(text);
        writer.writeEndElement();
    }

    private static String xml(XmlBody body) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            body.write(writer);
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write an STS answer", e);
        }
        return text.toString();
    }

    private static void write(Response response, Callback callback, int status, String xml) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "text/xml");
        response.write(true, ByteBuffer.wrap(xml.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** Writes an element's content. */
    @FunctionalInterface
    private interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }
}
