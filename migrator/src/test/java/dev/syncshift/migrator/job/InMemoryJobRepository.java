package dev.syncshift.migrator.job;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Spring Batch's own JDBC job repository on a fresh in-memory H2 database, and that database (the run tables go in it
 * too), for tests that put the repository in a state a killed process leaves behind.
 */
final class InMemoryJobRepository {

    final DataSource dataSource;
    final JobRepository repository;

    InMemoryJobRepository(String name) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql"))
                .execute(h2);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(h2);
        factory.setTransactionManager(new JdbcTransactionManager(h2));
        factory.afterPropertiesSet();
        this.dataSource = h2;
        this.repository = factory.getObject();
    }
}
