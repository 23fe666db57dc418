package dev.syncshift.migrator.source;

import dev.syncshift.core.IdentityId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Enumerates identities from a file instead of ListIdentities (which a large pool would need hours to list at its
 * quota): one identity id per line (UTF-8, with or without a byte-order mark, any line ending); blank lines and lines
 * starting with {@code #} are ignored. Its cursor is the number of lines consumed. Not thread-safe.
 */
public final class IdentityFileReader extends ItemStreamSupport implements ItemStreamReader<ListedIdentity> {

    private static final String LINES = "lines";
    private static final String POSITION = "position";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Path file;
    private @Nullable BufferedReader lines;
    private long linesRead;
    private long position;

    /** A reader of {@code file}. */
    public IdentityFileReader(Path file) {
        this.file = file;
        setName("identitiesFile");
    }

    /**
     * Checks every line of {@code file} before anything runs.
     *
     * @return the number of identities it names
     * @throws IllegalArgumentException naming the first bad line
     * @throws UncheckedIOException when it cannot be read
     */
    public static long check(Path file) {
        long count = 0;
        long number = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String id = idOn(line);
                if (id == null) {
                    continue;
                }
                try {
                    new IdentityId(id);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
                }
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            long skip = context.getLong(getExecutionContextKey(LINES), 0);
            position = context.getLong(getExecutionContextKey(POSITION), 0);
            for (linesRead = 0; linesRead < skip && lines.readLine() != null; linesRead++) {
                // skips the lines a committed chunk already consumed
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + file, e);
        }
    }

    @Override
    public @Nullable ListedIdentity read() throws IOException {
        if (lines == null) {
            throw new IllegalStateException("not open");
        }
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            linesRead++;
            String id = idOn(line);
            if (id != null) {
                return new ListedIdentity(position++, new IdentityId(id));
            }
        }
        return null;
    }

    /**
     * The id a line names, or null for a blank or comment line. A byte-order mark is not part of it: Windows editors
     * (Notepad, Excel's "CSV UTF-8") start a UTF-8 file with one, and it is invisible in an error message.
     */
    private static @Nullable String idOn(String line) {
        String id = (line.startsWith(BYTE_ORDER_MARK) ? line.substring(1) : line).strip();
        return id.isEmpty() || id.startsWith("#") ? null : id;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(getExecutionContextKey(LINES), linesRead);
        context.putLong(getExecutionContextKey(POSITION), position);
    }

    @Override
    public void close() {
        try {
            if (lines != null) {
                lines.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot close " + file, e);
        }
    }
}
