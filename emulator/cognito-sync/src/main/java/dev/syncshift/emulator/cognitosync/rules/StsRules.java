package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.emulator.cognitosync.store.IdentityStore;
import dev.syncshift.emulator.cognitosync.store.RoleSessionStore;
import dev.syncshift.emulator.cognitosync.store.StoredIdentity;
import dev.syncshift.emulator.cognitosync.store.StoredRoleSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * STS's AssumeRole and AssumeRoleWithWebIdentity (docs/cognito-sync.md#sts), which the AWS SDKs call for a profile
 * that assumes a role ({@code role_arn}) and for web identity ({@code AWS_WEB_IDENTITY_TOKEN_FILE}, EKS's IAM roles
 * for service accounts). The emulator has no IAM: any role can be assumed by a developer, any JWT-shaped token is
 * trusted, and the credentials issued act as a developer of the account. The checks are the API's own: required
 * members, the session name's pattern and length, the duration's range.
 */
public final class StsRules {

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/(?:[^/]+/)*([^/]+)");
    /** The session name of an identity's credentials, as AWS names the role session Cognito Identity starts. */
    private static final String COGNITO_SESSION = "CognitoIdentityCredentials";
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern JWT = Pattern.compile("[\\w-]+\\.[\\w-]+\\.[\\w-]*");
    private static final int MIN_SECONDS = 900;
    private static final int MAX_SECONDS = 43_200;
    private static final int DEFAULT_SECONDS = 3_600;

    private final RoleSessionStore sessions;
    private final IdentityStore identities;
    private final IdGenerator ids;
    private final Clock clock;
    private final String accountId;

    /**
     * Rules issuing into {@code sessions}; assumed-role users are named in {@code accountId}, and an identity's
     * credentials by its pool's role in {@code identities}.
     */
    public StsRules(RoleSessionStore sessions, IdentityStore identities, IdGenerator ids, Clock clock,
            String accountId) {
        this.sessions = sessions;
        this.identities = identities;
        this.ids = ids;
        this.clock = clock;
        this.accountId = accountId;
    }

    /**
     * AssumeRole, for a developer (the credentials of an identity may not assume roles).
     *
     * @throws StsException ValidationError for a missing or malformed member, AccessDenied for an identity
     */
    public StoredRoleSession assumeRole(Caller caller, @Nullable String roleArn, @Nullable String sessionName,
            @Nullable String durationSeconds) {
        String role = requireRoleArn(roleArn);
        String session = requireSessionName(sessionName);
        Duration lifetime = lifetime(durationSeconds);
        if (caller instanceof Caller.Identity identity) {
            throw new StsException("AccessDenied", 403, "User: " + identity.identityId()
                    + " is not authorized to perform: sts:AssumeRole on resource: " + role);
        }
        return issue(role, session, lifetime);
    }

    /**
     * AssumeRoleWithWebIdentity (unsigned): a token that is a JWT gets the role.
     *
     * @throws StsException ValidationError for a missing or malformed member, InvalidIdentityToken for a token that
     *     is not a JWT
     */
    public StoredRoleSession assumeRoleWithWebIdentity(@Nullable String roleArn, @Nullable String sessionName,
            @Nullable String token, @Nullable String durationSeconds) {
        String role = requireRoleArn(roleArn);
        String session = requireSessionName(sessionName);
        Duration lifetime = lifetime(durationSeconds);
        if (token == null) {
            throw missing("webIdentityToken");
        }
        if (!JWT.matcher(token.strip()).matches()) {
            throw new StsException("InvalidIdentityToken", 400,
                    "The web identity token is not a JWT (three base64url parts joined by dots)");
        }
        return issue(role, session, lifetime);
    }

    /** The session issued under {@code accessKeyId}, if any: an expired one too, for the caller to refuse. */
    public Optional<StoredRoleSession> session(String accessKeyId) {
        return sessions.find(accessKeyId);
    }

    /**
     * GetCallerIdentity: who signed with {@code accessKeyId}. A role session is its assumed-role user; an identity's
     * credentials are the session {@code CognitoIdentityCredentials} of its pool's role (authenticated when the
     * identity has logins; {@code Cognito_AuthRole} or {@code Cognito_UnauthRole} when the pool has none set, as the
     * emulator issues credentials without one); a developer key is the account's root.
     */
    public CallerIdentity callerIdentity(Caller caller, String accessKeyId) {
        Optional<StoredRoleSession> session = liveSession(accessKeyId);
        if (session.isPresent()) {
            return new CallerIdentity(assumedRoleId(session.get()), account(session.get().roleArn()),
                    assumedRoleArn(session.get()));
        }
        if (caller instanceof Caller.Identity identity) {
            Optional<StoredIdentity> stored = identities.identity(identity.identityId());
            boolean signedIn = stored.map(found -> !found.logins().isEmpty()).orElse(false);
            String kind = signedIn ? "authenticated" : "unauthenticated";
            String roleArn = stored.flatMap(found -> identities.pool(found.poolId()))
                    .map(pool -> pool.roles().get(kind))
                    .orElse("arn:aws:iam::" + accountId + ":role/Cognito_" + (signedIn ? "Auth" : "Unauth") + "Role");
            return new CallerIdentity(roleId(roleArn) + ":" + COGNITO_SESSION, account(roleArn),
                    assumedRoleArn(roleArn, COGNITO_SESSION));
        }
        return new CallerIdentity(accountId, accountId, "arn:aws:iam::" + accountId + ":root");
    }

    /**
     * A role's unique id: {@code AROA} and a hash of its ARN, the same for the same role, and the same the local
     * AppSync emulator gives it ({@code IamAuthRules}: {@code ctx.identity.username} is this id and the session).
     */
    private static String roleId(String roleArn) {
        return "AROA" + Integer.toHexString(roleArn.hashCode()).toUpperCase(Locale.ROOT);
    }

    /** The session issued under {@code accessKeyId}, unless there is none or it expired. */
    public Optional<StoredRoleSession> liveSession(String accessKeyId) {
        return sessions.find(accessKeyId).filter(session -> !expired(session));
    }

    /** Whether {@code session} has expired on the emulator's clock. */
    public boolean expired(StoredRoleSession session) {
        return !clock.instant().isBefore(session.expiration());
    }

    /**
     * The assumed-role user's ARN: {@code arn:aws:sts::<account>:assumed-role/<role name>/<session name>}, in the
     * role's account, as STS names it.
     */
    public String assumedRoleArn(StoredRoleSession session) {
        return assumedRoleArn(session.roleArn(), session.sessionName());
    }

    /** The assumed-role user's id, {@code <role id>:<session name>}, as AssumeRole and GetCallerIdentity give it. */
    public String assumedRoleId(StoredRoleSession session) {
        return roleId(session.roleArn()) + ":" + session.sessionName();
    }

    private String assumedRoleArn(String roleArn, String sessionName) {
        var matcher = ROLE_ARN.matcher(roleArn);
        String roleName = matcher.matches() ? matcher.group(2) : roleArn;
        return "arn:aws:sts::" + account(roleArn) + ":assumed-role/" + roleName + "/" + sessionName;
    }

    /** The account a role belongs to; the emulator's for a role ARN it cannot read. */
    private String account(String roleArn) {
        var matcher = ROLE_ARN.matcher(roleArn);
        return matcher.matches() ? matcher.group(1) : accountId;
    }

    private StoredRoleSession issue(String roleArn, String sessionName, Duration lifetime) {
        String key = ids.uuid().replace("-", "").toUpperCase(Locale.ROOT);
        StoredRoleSession session = new StoredRoleSession("ASIA" + key.substring(0, 16),
                ids.uuid().replace("-", "") + "ROLESECRET", "ROLESESSION" + ids.uuid(), roleArn, sessionName,
                clock.instant().plus(lifetime));
        sessions.put(session);
        return session;
    }

    private static String requireRoleArn(@Nullable String roleArn) {
        if (roleArn == null) {
            throw missing("roleArn");
        }
        if (roleArn.length() < 20 || roleArn.length() > 2048 || !ROLE_ARN.matcher(roleArn).matches()) {
            throw StsException.validation("'" + roleArn + "' is not a role's ARN (arn:aws:iam::<account>:role/<name>)");
        }
        return roleArn;
    }

    private static String requireSessionName(@Nullable String sessionName) {
        if (sessionName == null) {
            throw missing("roleSessionName");
        }
        if (sessionName.length() < 2 || sessionName.length() > 64) {
            throw StsException.validation("1 validation error detected: Value '" + sessionName
                    + "' at 'roleSessionName' failed to satisfy constraint: Member must have length "
                    + (sessionName.length() < 2 ? "greater than or equal to 2" : "less than or equal to 64"));
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw StsException.validation("1 validation error detected: Value '" + sessionName
                    + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression"
                    + " pattern: [\\w+=,.@-]*");
        }
        return sessionName;
    }

    private static Duration lifetime(@Nullable String durationSeconds) {
        if (durationSeconds == null) {
            return Duration.ofSeconds(DEFAULT_SECONDS);
        }
        int seconds;
        try {
            seconds = Integer.parseInt(durationSeconds);
        } catch (NumberFormatException e) {
            throw StsException.validation("1 validation error detected: Value '" + durationSeconds
                    + "' at 'durationSeconds' failed to satisfy constraint: Member must be a whole number");
        }
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw StsException.validation("1 validation error detected: Value '" + seconds
                    + "' at 'durationSeconds' failed to satisfy constraint: Member must have value "
                    + (seconds < MIN_SECONDS ? "greater than or equal to " + MIN_SECONDS
                            : "less than or equal to " + MAX_SECONDS));
        }
        return Duration.ofSeconds(seconds);
    }

    private static StsException missing(String member) {
        return StsException.validation("1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }
}
