package dev.syncshift.migrator.cli;

import dev.syncshift.migrator.config.ProxyEnvironment;
import dev.syncshift.migrator.demo.Demo;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code demo}: the whole cutover on this machine, on embedded defaults (see {@link Demo}). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole migration on this machine: the Cognito Sync emulator with a generated pool, "
                + "DynamoDB Local and the AppSync emulator; check, migrate, device writes, migrate --mode delta, "
                + "verify, a read-back through signed GraphQL, and going back: a write on AppSync carried into "
                + "Cognito Sync by migrate --mode write-back. Exit code 0 when every step succeeded.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--identities", paramLabel = "N", defaultValue = "200",
            description = "Identities in the generated pool (default: ${DEFAULT-VALUE}).")
    int identities;

    @Option(names = "--template", paramLabel = "FILE", defaultValue = "config/syncshift-appsync.yaml",
            description = "The CloudFormation template the AppSync emulator runs (default: ${DEFAULT-VALUE}).")
    Path template = Path.of("config/syncshift-appsync.yaml");

    @Option(names = "--dynamodb-local-classpath", paramLabel = "FILE",
            description = "DynamoDB Local's class path (default: dynamodb-local.classpath beside the jar, which the "
                    + "build writes from your Maven cache).")
    @Nullable Path dynamoDbLocalClasspath;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the job repository and reports go (default: a new temporary folder).")
    @Nullable Path workDir;

    @Option(names = "--keep-running",
            description = "After the steps succeed, print the emulators' endpoints and credentials and serve the "
                    + "migrated pool until stopped (Ctrl-C).")
    boolean keepRunning;

    private final PrintStream out;
    private final PrintStream err;

    DemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (identities < 1 || identities > 100_000) {
            throw new ParameterException(spec.commandLine(), "--identities must be between 1 and 100000");
        }
        if (!Files.isReadable(template)) {
            throw new ParameterException(spec.commandLine(), "--template " + template + " cannot be read (run the "
                    + "demo from the project's folder, or pass --template)");
        }
        if (workDir != null && Files.exists(workDir) && !Files.isDirectory(workDir)) {
            throw new ParameterException(spec.commandLine(), "--work-dir " + workDir + " is not a folder");
        }
        Path work = workDir != null ? workDir : Files.createTempDirectory("syncshift-demo");
        Demo.Options options = new Demo.Options(identities, template.toAbsolutePath(), dynamoDbLocalClasspath,
                work.toAbsolutePath(), keepRunning);
        // the demo's commands call its own emulators on this machine: never through a proxy the environment names
        System.setProperty(ProxyEnvironment.DIRECT, "true");
        try {
            return new Demo(options, args -> MigratorCli.execute(args, out, err), out).run();
        } catch (IllegalStateException e) {
            err.println("demo: " + Messages.rootMessage(e));
            return ExitCode.UNAVAILABLE.code();
        } finally {
            System.clearProperty(ProxyEnvironment.DIRECT);
        }
    }
}
