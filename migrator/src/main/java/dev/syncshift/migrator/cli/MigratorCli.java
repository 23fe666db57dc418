package dev.syncshift.migrator.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code syncshift-migrator} command line. Bad arguments get one line on stderr and exit code 2, before
 * anything starts; no command ever prints a stack trace (see {@link ExitCode} for the codes).
 */
@Command(name = "syncshift-migrator", mixinStandardHelpOptions = true, version = "syncshift-migrator 0.1.0",
        description = "Moves a Cognito Sync identity pool into the DynamoDB table behind an AppSync API.",
        subcommands = {MigrateCommand.class, VerifyCommand.class, CheckCommand.class, DemoCommand.class})
public final class MigratorCli implements Runnable {

    /** The help's footer of the commands that read the pool: where else their settings may come from. */
    static final String ENVIRONMENT = "%nEvery option but --recover may also be set in the environment, as in a "
            + "container: SYNCSHIFT_MIGRATOR_ and its name, e.g. SYNCSHIFT_MIGRATOR_IDENTITY_POOL_ID or "
            + "SYNCSHIFT_MIGRATOR_MAX_RPS. An option given on the command line wins; a SYNCSHIFT_MIGRATOR_ variable "
            + "that names no setting is refused. An HTTP proxy is named as for the AWS CLI: https_proxy or "
            + "HTTPS_PROXY (http_proxy or HTTP_PROXY for http endpoints, and where neither is set), no_proxy or "
            + "NO_PROXY.";

    @Spec
    CommandSpec spec;

    private MigratorCli() {
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: migrate, verify, "
                + "check or demo");
    }

    /** Runs {@code args} and returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args);
    }

    /** The command line, printing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        MigrationRun run = new MigrationRun(out, err);
        CommandLine cli = new CommandLine(new MigratorCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == MigrateCommand.class) {
                    return type.cast(new MigrateCommand(run));
                }
                if (type == VerifyCommand.class) {
                    return type.cast(new VerifyCommand(run));
                }
                if (type == DemoCommand.class) {
                    return type.cast(new DemoCommand(out, err));
                }
                if (type == CheckCommand.class) {
                    return type.cast(new CheckCommand(out, err));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println(e.getCommandLine().getCommandName() + ": " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE.code();
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            err.println("syncshift-migrator: " + Messages.rootMessage(e));
            return ExitCode.INTERNAL.code();
        });
        return cli;
    }

    /** The entry point of {@code java -jar syncshift-migrator.jar}. */
    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }
}
