package dev.syncshift.migrator.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * Creates Spring Batch's tables in a job repository that lacks them, and leaves a repository that has them alone,
 * without a failed statement. Spring Boot runs Spring Batch's script ({@code schema-h2.sql},
 * {@code schema-postgresql.sql}) at every start and passes over the failures of its {@code CREATE}s that find their
 * table there; H2 wrote each such failure, with its stack trace, to the repository's {@code .trace.db} file, which
 * grew by some 26 KB at every start of the migrator. Here each {@code CREATE TABLE}, {@code CREATE SEQUENCE} and
 * {@code CREATE INDEX} of the script says {@code IF NOT EXISTS} (H2 and PostgreSQL take it for all three), so the
 * script runs whole again at every start (completing a creation a killed process left half done) and any statement
 * that still fails stops the start rather than being passed over.
 */
final class BatchSchema extends BatchDataSourceScriptDatabaseInitializer {

    private static final Pattern CREATE = Pattern.compile("(?i)\\bCREATE\\s+(TABLE|SEQUENCE|INDEX)\\s+(?!IF\\s)");

    BatchSchema(DataSource dataSource, BatchJdbcProperties properties) {
        super(dataSource, properties);
    }

    @Override
    protected void runScripts(Scripts scripts) {
        Charset encoding = scripts.getEncoding() == null ? StandardCharsets.UTF_8 : scripts.getEncoding();
        List<Resource> repeatable = new ArrayList<>();
        for (Resource script : scripts) {
            repeatable.add(repeatable(script, encoding));
        }
        super.runScripts(new Scripts(repeatable).continueOnError(false).separator(scripts.getSeparator())
                .encoding(encoding));
    }

    /** {@code script} with {@code IF NOT EXISTS} in each of its creations. */
    static Resource repeatable(Resource script, Charset encoding) {
        try {
            String text = script.getContentAsString(encoding);
            return new ByteArrayResource(CREATE.matcher(text).replaceAll("CREATE $1 IF NOT EXISTS ")
                    .getBytes(encoding), script.getDescription() + ", each creation IF NOT EXISTS");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script.getDescription(), e);
        }
    }
}
