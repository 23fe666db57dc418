package dev.syncshift.migrator.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** An identities file as people make them: with Windows' line endings and byte-order mark, comments, blank lines. */
class IdentityFileReaderTest {

    private static final String FIRST = "us-east-1:008b09dc-d77a-4e95-983b-ec0d9872c3a7";
    private static final String SECOND = "us-east-1:03d287b7-4f47-432f-9e06-5ad84a8fba8e";

    @TempDir
    Path work;

    @Test
    void aFileSavedByAWindowsEditorNamesItsIdentitiesAsAnyOther() throws IOException {
        // Notepad and Excel's "CSV UTF-8" start the file with a byte-order mark and end lines with CR LF
        Path file = Files.writeString(work.resolve("ids.txt"), "\uFEFF" + FIRST + "\r\n# exported 2026-12-01\r\n\r\n"
                + SECOND + "\r\n", StandardCharsets.UTF_8);

        assertThat(IdentityFileReader.check(file)).isEqualTo(2);
        assertThat(read(file)).containsExactly(FIRST, SECOND);
    }

    private static List<String> read(Path file) throws IOException {
        IdentityFileReader reader = new IdentityFileReader(file);
        reader.open(new ExecutionContext());
        List<String> ids = new ArrayList<>();
        for (ListedIdentity identity = reader.read(); identity != null; identity = reader.read()) {
            ids.add(identity.identityId().value());
        }
        reader.close();
        return ids;
    }
}
