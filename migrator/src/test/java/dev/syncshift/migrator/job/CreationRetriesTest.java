package dev.syncshift.migrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.syncshift.migrator.MigratorApplication;
import dev.syncshift.migrator.SharedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The migrator's job repository retries a creation that another transaction kept it from, as PostgreSQL refuses one
 * of a run's two step creations made at once now and then (a serialization failure). Here the clash is made on
 * purpose: a transaction of the test's holds the step executions' table while the database gives up waiting after
 * 200 ms (a lock it could not get, as a conflict too); once a first attempt was refused, the test lets go, and the
 * creation succeeds, once.
 */
class CreationRetriesTest {

    static String database;
    static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws Exception {
        database = SharedPostgres.get().newDatabase();
        context = new SpringApplicationBuilder(MigratorApplication.class).properties(Map.of(
                "spring.datasource.url", database + "&options=-c%20lock_timeout%3D200ms",
                "spring.datasource.username", "postgres", "spring.profiles.active", "local",
                "syncshift.migrator.identity-pool-id", "us-east-1:0a1b2c3d-0000-4000-8000-000000000001",
                "syncshift.migrator.table", "SyncStore", "syncshift.migrator.region", "us-east-1"))
                .logStartupInfo(false).run();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aStepCreationRefusedForAConflictIsRetriedAndCreatedOnce() throws Exception {
        JobRepository repository = context.getBean(JobRepository.class);
        JobParameters parameters = new JobParametersBuilder().addString("test", "retry").toJobParameters();
        JobInstance instance = repository.createJobInstance("creationRetries", parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        Logger log = (Logger) LoggerFactory.getLogger(CreationRetries.class);
        CountDownLatch refused = new CountDownLatch(1);
        ListAppender<ILoggingEvent> retries = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                super.append(event);
                refused.countDown();
            }
        };
        retries.start();
        log.addAppender(retries);
        Level level = log.getLevel();
        log.setLevel(Level.DEBUG);
        try (Connection holder = SharedPostgres.dataSource(database).getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("LOCK TABLE BATCH_STEP_EXECUTION IN EXCLUSIVE MODE");
            }
            CompletableFuture<StepExecution> created = CompletableFuture.supplyAsync(
                    () -> repository.createStepExecution("copy", execution));
            assertThat(refused.await(30, TimeUnit.SECONDS)).as("a first attempt was refused").isTrue();
            holder.commit();

            assertThat(created.get(30, TimeUnit.SECONDS).getId()).isPositive();
        } finally {
            log.detachAppender(retries);
            log.setLevel(level);
        }
        assertThat(retries.list).first().extracting(ILoggingEvent::getFormattedMessage).asString()
                .startsWith("Retrying the job repository's createStepExecution: ").contains("lock timeout");
        assertThat(repository.getJobExecution(execution.getId()).getStepExecutions())
                .extracting(StepExecution::getStepName).containsExactly("copy");
    }
}
