package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import dev.syncshift.emulator.cognitosync.junit.StrictAuth;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Python app's calls through boto3 (Debian's {@code python3-boto3}, run by Debian's {@code /usr/bin/python3})
 * against the emulator with strict auth, so botocore's own signatures are verified and its parsers read the answers:
 * GetId and GetCredentialsForIdentity, a dataset's life with the temporary credentials (ListDatasets, ListRecords,
 * UpdateRecords with non-ASCII values, DescribeDataset, DeleteDataset), a conflict, the error codes botocore makes of
 * the emulator's refusals, DeleteIdentities then DescribeIdentity, UnlinkIdentity and LookupDeveloperIdentity,
 * ListIdentityPools' paginator and ListRecords' NextToken, and STS (AssumeRole, AssumeRoleWithWebIdentity and their
 * errors), in {@code src/test/python/boto3_cognito_test.py} under {@code unittest}, one Python process.
 * {@code scripts/ensure-boto3.sh} installs the package when it is missing; this test is skipped, with the reason,
 * where it cannot.
 */
@StrictAuth
@ExtendWith(CognitoSyncEmulatorExtension.class)
class Boto3IT {

    private static final Path ENSURE_BOTO3 = Path.of("../../scripts/ensure-boto3.sh").toAbsolutePath().normalize();
    private static final long TIMEOUT_MINUTES = 5;
    private static final int SKIPPED = 77;

    @Test
    void aPythonAppSyncsThroughBoto3(CognitoSyncEmulator emulator) throws Exception {
        ProcessBuilder python = new ProcessBuilder(List.of("sh", ENSURE_BOTO3.toString(),
                "-W", "ignore::ResourceWarning", "-m", "unittest", "-v", "boto3_cognito_test"))
                .directory(Path.of("src/test/python").toFile()).redirectErrorStream(true);
        python.environment().putAll(Map.of("COGNITO_ENDPOINT", emulator.endpoint().toString(),
                "DEVELOPER_KEY", CognitoSyncEmulatorExtension.DEVELOPER.accessKeyId(),
                "DEVELOPER_SECRET", CognitoSyncEmulatorExtension.DEVELOPER.secretAccessKey(),
                "PYTHONDONTWRITEBYTECODE", "1"));

        Process process = python.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)).as("boto3 checks finished").isTrue();
        System.out.println(output);

        Assumptions.assumeTrue(process.exitValue() != SKIPPED, output::strip);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Ran 16 tests").containsPattern("(?m)^OK");
    }
}
