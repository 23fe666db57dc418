package dev.syncshift.migrator.job;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.retry.MethodRetrySpec;
import org.springframework.resilience.retry.SimpleRetryInterceptor;

/**
 * Retries the job repository's creations (a run's job instance and executions, its steps' executions) that the
 * database refused for a clash with another transaction: a serialization failure, a deadlock, a lock wait given up.
 *
 * <p>Spring Batch creates each in a SERIALIZABLE transaction of its own, so that two processes cannot start the same
 * run twice. A run's split flow starts its enumeration and its copy at the same moment, and PostgreSQL then cancels
 * one of the two creations now and then ("could not serialize access due to read/write dependencies among
 * transactions": seen in 3 of 14 cold starts on one machine), which ended the run before it began. The database says
 * such a transaction may succeed if retried. Each attempt is a new transaction, so a retry creates nothing twice; a
 * run started twice at once should still be refused on the retry by Spring Batch's own check for a running
 * execution.
 */
final class CreationRetries implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(CreationRetries.class);

    private static final Set<String> CLASH_STATES = Set.of("40001", "40P01", "55P03");

    /** Attempts after the first. */
    static final int RETRIES = 8;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JobRepository repository)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory();
        proxy.setTarget(repository);
        proxy.addInterface(JobRepository.class);
        proxy.addAdvice(new SimpleRetryInterceptor(new MethodRetrySpec((method, failure) -> {
            boolean retried = method.getName().startsWith("create") && clash(failure);
            if (retried) {
                LOG.debug("Retrying the job repository's {}: {}", method.getName(), failure.getMessage());
            }
            return retried;
        }, RETRIES, Duration.ofMillis(20), Duration.ofMillis(20), 2.0, Duration.ofSeconds(1))));
        return proxy.getProxy(repository.getClass().getClassLoader());
    }

    /**
     * Whether {@code failure} says that another transaction was in the way: Spring's word for it, or the SQL state
     * of a serialization failure, a deadlock or a lock wait given up (40001, 40P01, 55P03), which Spring does not
     * always translate as such.
     */
    static boolean clash(Throwable failure) {
        if (failure instanceof PessimisticLockingFailureException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && CLASH_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
