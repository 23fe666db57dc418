package dev.syncshift.migrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.migrator.config.CallStats;
import dev.syncshift.migrator.config.RateLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the summary says of the issues it does not list, how many and where they are; the report lists them all. */
class ReportWriterTest {

    private static final Path FILE = Path.of("syncshift-work", "reports", "verify-20261203-134255.json");

    @Test
    void issuesBeyondTheTwentyListedAreCountedAndTheReportNamed() {
        String summary = summary(report(60, 60), FILE);

        assertThat(summary.lines().filter(line -> line.startsWith("  MISMATCH "))).hasSize(20);
        assertThat(summary).contains("\n  and 40 more in the report\n")
                .endsWith("\n  report           " + FILE + "\n");
    }

    @Test
    void theReportFileListsEveryIssueItIsHandedNotOnlyThoseTheRecordHolds(@TempDir Path dir) throws IOException {
        RunReport report = report(25_000, RunReport.MAX_LISTED);
        Path file = dir.resolve("reports/verify.json");

        ReportWriter.writeJson(report, file, each -> issues(25_000).forEach(each));

        JsonNode written = new ObjectMapper().readTree(file.toFile());
        assertThat(written.get("issueCount").asLong()).isEqualTo(25_000);
        assertThat(written.get("issues")).hasSize(25_000);
        assertThat(written.get("issues").get(24_999).get("identityId").asText())
                .isEqualTo("us-east-1:00000000-0000-4000-8000-000000024999");
        assertThat(written.get("counts").get("mismatches").asLong()).isEqualTo(25_000);
        assertThat(summary(report, file)).contains("\n  and 24,980 more in the report\n");
        assertThat(new ObjectMapper().readTree(ReportWriter.json(report)).get("issues")).hasSize(RunReport.MAX_LISTED);
    }

    @Test
    void withoutAReportFileTheSummarySaysHowToListThem() {
        String summary = summary(report(60, 60), null);

        assertThat(summary).contains("\n  and 40 more (--report FILE lists them)\n").doesNotContain("  report ");
    }

    @Test
    void twentyIssuesOrFewerAreAllListed() {
        String summary = summary(report(20, 20), FILE);

        assertThat(summary.lines().filter(line -> line.startsWith("  MISMATCH "))).hasSize(20);
        assertThat(summary).doesNotContain(" more");
    }

    @Test
    void datasetsSwitchedDevicesWroteOnAppSyncAreCountedOnTheDatasetsRow() {
        Tally tally = new Tally(2, 0, 5, 0, 0, 5, 0, 0, 9, 0, 0, 0, 0, 0, 0, 3, 0, 0);
        RunReport report = new RunReport("us-east-1:0a1b2c3d-0000-4000-8000-000000000001", "verify", 1,
                "COMPLETED", "completed, verified", 0, Instant.EPOCH, Duration.ofSeconds(1), tally, tally, Map.of(),
                List.of(), 0, null, Map.of());

        assertThat(summary(report, null)).containsPattern("\n  datasets +5  to copy 0, to revise 0, current 5, "
                + "to delete 0; 3 changed on AppSync by switched devices\n");
        assertThat(summary(report(1, 1), null)).doesNotContain("switched devices");
    }

    /** The records row's parts add up to its total: a record a conflict settled for AppSync is one of them. */
    @Test
    void recordsWhoseConflictKeptAppSyncsChangeAreAPartOfTheRecordsRow() throws IOException {
        Tally tally = new Tally(1, 0, 1, 0, 1, 0, 0, 5, 3, 1, 200, 5, 1, 0, 0, 1, 0, 0);

        RunReport pass = report("delta", tally);
        RunReport dryRun = report("delta" + RunReport.DRY_RUN, tally);

        assertThat(summary(pass, null)).containsPattern(
                "\n  records +9  written 5, already current 3, kept AppSync's change 1\n");
        assertThat(summary(dryRun, null)).containsPattern(
                "\n  records +9  to write 5, already current 3, to keep AppSync's change 1\n");
        JsonNode counts = new ObjectMapper().readTree(ReportWriter.json(pass)).get("counts");
        assertThat(counts.get("records").asLong()).isEqualTo(9);
        assertThat(counts.get("recordsKept").asLong()).isEqualTo(1);
        assertThat(summary(report(1, 1), null)).doesNotContain("AppSync's change");
    }

    @Test
    void noLineOfTheSummaryEndsInSpaces() {
        assertThat(summary(report(3, 3), FILE).lines()).noneMatch(line -> line.endsWith(" "))
                .anyMatch(line -> line.matches("  mismatches +3"));
    }

    @Test
    void ratesHaveOneDecimalButASlowRunsRateIsNotZero() {
        assertThat(ReportWriter.rate(1 / 33.0)).isEqualTo("0.03");
        assertThat(ReportWriter.rate(0.5)).isEqualTo("0.5");
        assertThat(ReportWriter.rate(0.96)).isEqualTo("1.0");
        assertThat(ReportWriter.rate(0)).isEqualTo("0.0");
        assertThat(ReportWriter.rate(1234.56)).isEqualTo("1,234.6");
        assertThat(summary(report(0, 0), null)).contains("  rate             0.0 identities/s, 0.0 records/s\n");
    }

    @Test
    void pacedRatesAreWrittenAsTheLimitsAreWholeNumbersWithoutADecimal() {
        assertThat(pacedAt(6.0, 17.46, 1234.0))
                .contains(", paced ListDatasets 6/s, ListRecords 17.5/s, TransactWriteItems 1,234/s\n");
    }

    /** A pace below 0.05 a second, which one decimal rounds to nothing, keeps its first two digits, not {@code 0/s}. */
    @Test
    void pacedRatesBelowATenthOfOneASecondKeepTwoDigits() {
        assertThat(pacedAt(0.04, 0.01234, 0.001))
                .contains(", paced ListDatasets 0.04/s, ListRecords 0.012/s, TransactWriteItems 0.001/s\n");
        assertThat(RateLimits.shown(0.05, 1)).as("not 0.1/s, twice the rate").isEqualTo("0.05/s");
        assertThat(RateLimits.shown(0.25, 1)).isEqualTo("0.3/s");
        assertThat(RateLimits.shown(0.01)).as("a --max-rps limit, every decimal kept").isEqualTo("0.01/s");
    }

    /** The summary of a run whose ListDatasets, ListRecords and TransactWriteItems were paced at these rates. */
    private static String pacedAt(double listDatasets, double listRecords, double transactWriteItems) {
        return summary(report(0, 0, Map.of("ListDatasets", paced(listDatasets), "ListRecords", paced(listRecords),
                "TransactWriteItems", paced(transactWriteItems))), null);
    }

    private static CallStats.OperationCalls paced(double rps) {
        return new CallStats.OperationCalls(10, 12, 2, 0, 0, rps);
    }

    /** A verify run with {@code mismatches} mismatches, {@code listed} of them in the report's list. */
    private static RunReport report(long mismatches, int listed) {
        return report(mismatches, listed, Map.of());
    }

    private static RunReport report(long mismatches, int listed, Map<String, CallStats.OperationCalls> calls) {
        Tally tally = new Tally(mismatches, 0, mismatches, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, mismatches, 0, 0, 0, 0);
        return new RunReport("us-east-1:0a1b2c3d-0000-4000-8000-000000000001", "verify", 1, "COMPLETED",
                "completed with failures or mismatches", 5, Instant.EPOCH, Duration.ofSeconds(1),
                tally, tally, calls, issues(listed), mismatches, null, Map.of());
    }

    /** A completed run of {@code mode} with these counts and no issues. */
    private static RunReport report(String mode, Tally tally) {
        return new RunReport("us-east-1:0a1b2c3d-0000-4000-8000-000000000001", mode, 1, "COMPLETED", "completed", 0,
                Instant.EPOCH, Duration.ofSeconds(1), tally, tally, Map.of(), List.of(), 0, null, Map.of());
    }

    private static List<Issue> issues(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Issue(Issue.Kind.MISMATCH,
                "us-east-1:00000000-0000-4000-8000-" + String.format(Locale.ROOT, "%012d", i), "settings", null,
                "the store is behind Cognito Sync: a pass would write 1 record in 1 transaction")).toList();
    }

    private static String summary(RunReport report, @Nullable Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportWriter.summary(report, file, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
