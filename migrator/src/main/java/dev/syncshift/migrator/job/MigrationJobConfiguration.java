package dev.syncshift.migrator.job;

import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.config.RunMode;
import dev.syncshift.migrator.report.Progress;
import dev.syncshift.migrator.source.CognitoSource;
import dev.syncshift.migrator.source.CognitoWriter;
import dev.syncshift.migrator.source.IdentityFileReader;
import dev.syncshift.migrator.source.IdentityPoolReader;
import dev.syncshift.migrator.source.ListedIdentity;
import dev.syncshift.migrator.target.DatasetImporter;
import dev.syncshift.migrator.target.DatasetWriteBack;
import dev.syncshift.migrator.target.IdentityMigrator;
import dev.syncshift.migrator.target.IdentityOutcome;
import dev.syncshift.migrator.target.SyncStoreTable;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The migration job (spring-batch-samples style: one configuration per job). A split runs two flows at once: the
 * {@code enumerate} step lists identities into the manifest, 60 a chunk, while the partitioned {@code copy} step
 * migrates them, each partition following its share of the manifest as it grows. Partitions are fixed by the run's
 * first start ({@code threads}); a restart runs only the partitions that had not completed, from their cursors.
 */
@Configuration(proxyBeanMethods = false)
public class MigrationJobConfiguration {

    /** The job's name in the repository. */
    public static final String JOB = "syncshiftMigration";
    /** The worker step's name (partitions are {@code copyPartition:partitionN}). */
    public static final String WORKER = "copyPartition";
    /** How often a partition that caught up with the enumeration looks for more identities. */
    static final Duration POLL = Duration.ofMillis(100);

    private static final String PARTITION = "partition";
    /** A partition's step execution name as Spring Batch's splitter makes it, {@code <worker step>:<key>}. */
    private static final Pattern PARTITION_NAME = Pattern.compile(
            Pattern.quote(WORKER + ":" + PARTITION) + "(\\d{1,9})");

    /** Ends this process's steps when it is stopped: a listener of the enumeration and of local partitions. */
    private final RunStop stop;

    MigrationJobConfiguration(RunStop stop) {
        this.stop = stop;
    }

    /** The job repository, retrying its creations that clashed with another transaction. */
    @Bean
    static CreationRetries creationRetries() {
        return new CreationRetries();
    }

    /** Spring Batch's tables, created where missing without a failing statement at every start. */
    @Bean
    static BatchSchema batchSchema(DataSource dataSource, BatchJdbcProperties properties) {
        return new BatchSchema(dataSource, properties);
    }

    @Bean
    RunTables runTables(DataSource dataSource) {
        return new RunTables(dataSource);
    }

    @Bean
    Progress progress() {
        return new Progress();
    }

    @Bean
    CognitoSource cognitoSource(CognitoIdentityClient identity, CognitoSyncClient sync, MigratorSettings settings) {
        return new CognitoSource(identity, sync, settings.pool());
    }

    @Bean
    SyncStoreTable syncStoreTable(DynamoDbClient dynamoDb, MigratorSettings settings) {
        return new SyncStoreTable(dynamoDb, settings.table());
    }

    @Bean
    IdentityMigrator identityMigrator(CognitoSource source, CognitoSyncClient sync, SyncStoreTable table,
            MigratorSettings settings, RunTables tables, PlatformTransactionManager transactions) {
        DatasetImporter.Writes writes = settings.mode() == RunMode.VERIFY ? DatasetImporter.Writes.VERIFY
                : settings.dryRun() ? DatasetImporter.Writes.DRY_RUN : DatasetImporter.Writes.WRITE;
        DatasetImporter importer = new DatasetImporter(source, table, settings.onConflict(), Clock.systemUTC(),
                writes, new ConflictsAhead(tables, transactions));
        DatasetWriteBack writeBack = settings.mode() == RunMode.WRITE_BACK && writes == DatasetImporter.Writes.WRITE
                ? new DatasetWriteBack(source, new CognitoWriter(sync, source), table, importer) : null;
        return new IdentityMigrator(source, table, importer, settings.mode().readsWhole(), writeBack);
    }

    @Bean
    Job migrationJob(JobRepository repository, Step enumerateStep, Step copyStep, ObservationRegistry observations,
            RunTables tables, Progress progress, MigratorSettings settings) {
        Flow enumeration = new FlowBuilder<Flow>("enumeration").start(enumerateStep).build();
        Flow copying = new FlowBuilder<Flow>("copying").start(copyStep).build();
        Flow both = new FlowBuilder<Flow>("enumerateWhileCopying")
                .split(new SimpleAsyncTaskExecutor("syncshift-flow-")).add(enumeration, copying).build();
        JobBuilder job = new JobBuilder(JOB, repository).observationRegistry(observations)
                .listener(new EnumerationListener(tables, repository)).listener(new ReportDue(tables));
        if (!settings.progress().equals("off")) { // after the enumeration's listener, which may say it is done
            job.listener(new ProgressPolling(progress, tables, repository));
        }
        return job.start(both).end().build();
    }

    @Bean
    @JobScope
    Step enumerateStep(JobRepository repository, PlatformTransactionManager transactions, RunTables tables,
            CognitoSource source, MigratorSettings settings, ObservationRegistry observations,
            @Value("#{jobExecution}") JobExecution job) {
        long instance = job.getJobInstance().getInstanceId();
        int partitions = tables.partitions(instance, settings.threads());
        ItemStreamReader<ListedIdentity> reader = settings.identitiesFile() == null ? new IdentityPoolReader(source)
                : new IdentityFileReader(settings.identitiesFile());
        return new StepBuilder(EnumerationListener.STEP, repository).<ListedIdentity, ListedIdentity>chunk(60)
                .transactionManager(transactions).reader(reader).stream(reader)
                .writer(new ManifestWriter(tables, instance, partitions))
                .listener(new EnumerationListener(tables, repository)).listener(stop).listener(new FailedStepLog())
                .observationRegistry(observations).build();
    }

    @Bean
    @JobScope
    @Profile("!manager")
    Step copyStep(JobRepository repository, RunTables tables, MigratorSettings settings, Step copyPartitionStep,
            @Value("#{jobExecution}") JobExecution job) {
        int partitions = tables.partitions(job.getJobInstance().getInstanceId(), settings.threads());
        ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
        threads.setCorePoolSize(settings.threads());
        threads.setMaxPoolSize(settings.threads());
        threads.setThreadNamePrefix("syncshift-copy-");
        threads.initialize();
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(copyPartitionStep);
        handler.setTaskExecutor(threads);
        handler.setGridSize(partitions);
        return new StepBuilder("copy", repository).partitioner(WORKER, grid -> partitionContexts(partitions))
                .partitionHandler(handler).build();
    }

    @Bean
    Step copyPartitionStep(JobRepository repository, PlatformTransactionManager transactions,
            ManifestReader manifestReader, OutcomeWriter outcomeWriter, IdentityMigrator migrator,
            MigratorSettings settings, ObservationRegistry observations) {
        return copyPartition(new StepBuilder(WORKER, repository).observationRegistry(observations).listener(stop),
                transactions, manifestReader, outcomeWriter, migrator, settings);
    }

    /** The worker step's chunks, on {@code builder} (this process's, or a remote worker's). */
    public static Step copyPartition(StepBuilder builder, PlatformTransactionManager transactions,
            ItemStreamReader<ListedIdentity> manifestReader, ItemStreamWriter<IdentityOutcome> outcomeWriter,
            IdentityMigrator migrator, MigratorSettings settings) {
        return builder.listener(new FailedStepLog()).<ListedIdentity, IdentityOutcome>chunk(settings.chunkSize())
                .transactionManager(transactions).reader(manifestReader).stream(manifestReader)
                .processor(new IdentityProcessor(migrator, settings.identityPoolId()))
                .writer(outcomeWriter).stream(outcomeWriter).build();
    }

    @Bean
    @StepScope
    ManifestReader manifestReader(RunTables tables, @Value("#{stepExecution}") StepExecution step) {
        return new ManifestReader(tables, step, POLL);
    }

    @Bean
    @StepScope
    OutcomeWriter outcomeWriter(RunTables tables, MeterRegistry meters, IssueLog log,
            @Value("#{stepExecution}") StepExecution step) {
        return new OutcomeWriter(tables, step.getJobExecution().getJobInstance().getInstanceId(), meters, log);
    }

    /** This process's log of datasets not migrated or differing; a worker never writes the run's report. */
    @Bean
    IssueLog issueLog(MigratorSettings settings, Environment environment) {
        return new IssueLog(settings.report() != null && !environment.matchesProfiles("worker"));
    }

    /** The execution contexts of {@code partitions} partitions, named {@code partitionN}. */
    public static Map<String, ExecutionContext> partitionContexts(int partitions) {
        Map<String, ExecutionContext> contexts = new HashMap<>();
        for (int i = 0; i < partitions; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION, i);
            contexts.put(PARTITION + i, context);
        }
        return contexts;
    }

    /**
     * The partition a worker's step execution copies: from its execution context, or else from its name,
     * {@code copyPartition:partitionN}. Spring Batch creates each partition's step execution and saves its context
     * in two separate writes; a process killed between them leaves that step execution's context empty for good, and
     * every restart would hand the partition the same empty context. The name is written with the step execution.
     */
    public static int partitionOf(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        if (context.containsKey(PARTITION)) {
            return context.getInt(PARTITION);
        }
        Matcher name = PARTITION_NAME.matcher(step.getStepName());
        if (!name.matches()) {
            throw new IllegalStateException("step execution " + step.getStepName() + " names no partition");
        }
        return Integer.parseInt(name.group(1));
    }
}
