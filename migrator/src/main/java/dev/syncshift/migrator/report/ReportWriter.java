package dev.syncshift.migrator.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncshift.migrator.config.CallStats;
import dev.syncshift.migrator.config.RateLimits;
import dev.syncshift.migrator.config.RunMode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Writes a {@link RunReport} as JSON (for machines) and as a summary table (for people). */
public final class ReportWriter {

    /** Issues (other than conflicts) the summary lists. */
    static final int LISTED = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportWriter() {
    }

    /** The issues a JSON report lists, handed over one at a time. */
    @FunctionalInterface
    public interface IssueSource {
        /** Hands every issue to {@code each}. */
        void forEach(Consumer<Issue> each);
    }

    /** The report as JSON, listing {@link RunReport#issues()}. */
    public static String json(RunReport report) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            write(report, report.issues()::forEach, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Writes the JSON report to {@code file}, replacing it, listing every issue {@code issues} hands over: they are
     * written as they come, so a run's millions of issues are never held in memory.
     *
     * @throws IOException when the file or its folder cannot be written
     */
    public static void writeJson(RunReport report, Path file, IssueSource issues) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (JsonGenerator out = JSON.createGenerator(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            write(report, issues, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void write(RunReport report, IssueSource issues, JsonGenerator out) throws IOException {
        out.useDefaultPrettyPrinter();
        out.writeStartObject();
        for (var field : head(report).properties()) {
            out.writeFieldName(field.getKey());
            out.writeTree(field.getValue());
        }
        out.writeArrayFieldStart("issues");
        issues.forEach(issue -> {
            try {
                out.writeTree(node(issue));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.writeEndArray();
        out.writeEndObject();
    }

    /** Everything the JSON report holds but its issues. */
    private static ObjectNode head(RunReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("identityPoolId", report.identityPoolId()).put("mode", report.mode()).put("runId", report.runId())
                .put("status", report.status()).put("outcome", report.outcome()).put("exitCode", report.exitCode())
                .put("started", report.started().toString()).put("durationSeconds", report.duration().toMillis() / 1e3)
                .put("identitiesPerSecond", report.identitiesPerSecond())
                .put("recordsPerSecond", report.recordsPerSecond());
        if (report.failure() != null) {
            root.put("failure", report.failure());
        }
        root.putObject("thisStart").put("identities", report.thisStart().identities())
                .put("records", report.thisStart().records());
        ObjectNode counts = root.putObject("counts");
        report.tally().asMap().forEach(counts::put);
        counts.put("records", report.tally().records());
        putCalls(root.putObject("calls"), report);
        ObjectNode metrics = root.putObject("metrics");
        new TreeMap<>(report.metrics()).forEach((meter, measurements) -> {
            ObjectNode node = metrics.putObject(meter);
            measurements.forEach(node::put);
        });
        root.put("issueCount", report.issueCount());
        return root;
    }

    private static void putCalls(ObjectNode calls, RunReport report) {
        report.calls().forEach((operation, c) -> {
            ObjectNode node = calls.putObject(operation).put("calls", c.calls()).put("attempts", c.attempts())
                    .put("retries", c.retries()).put("throttled", c.throttled()).put("serverErrors", c.serverErrors())
                    .put("failedAfterRetries", c.failed());
            if (c.pacedRps() != null) {
                node.put("pacedRps", Math.round(c.pacedRps() * 10) / 10.0);
            }
        });
    }

    private static ObjectNode node(Issue issue) {
        ObjectNode node = JSON.createObjectNode().put("kind", issue.kind().name())
                .put("identityId", issue.identityId());
        if (issue.dataset() != null) {
            node.put("dataset", issue.dataset());
        }
        if (issue.key() != null) {
            node.put("key", issue.key());
        }
        return node.put("detail", issue.detail());
    }

    /** Prints the summary table; {@code file} is where the JSON report is written, or null. */
    public static void summary(RunReport report, @Nullable Path file, PrintStream out) {
        Tally t = report.tally();
        out.printf(Locale.ROOT, "%nsyncshift %s of %s, run %d: %s (%s, exit %d) in %.1f s%n", report.mode(),
                report.identityPoolId(), report.runId(), report.status(), report.outcome(), report.exitCode(),
                report.duration().toMillis() / 1e3);
        row(out, "identities", t.identities(), "passed over " + n(t.identitiesPassedOver()));
        boolean wrote = report.wrote();
        row(out, "datasets", t.datasets(), (wrote ? "copied " : "to copy ") + n(t.datasetsCopied())
                + (wrote ? ", revised " : ", to revise ") + n(t.datasetsRevised()) + ", current "
                + n(t.datasetsCurrent()) + (wrote ? ", deleted " : ", to delete ") + n(t.datasetsDeleted())
                + (t.datasetsOnAppSync() == 0 ? "" : "; " + n(t.datasetsOnAppSync())
                + " changed on AppSync by switched devices"));
        row(out, "records", t.records(), (wrote ? "written " : "to write ") + n(t.recordsWritten())
                + ", already current " + n(t.recordsCurrent()) + (t.recordsKept() == 0 ? ""
                : (wrote ? ", kept AppSync's change " : ", to keep AppSync's change ") + n(t.recordsKept())));
        row(out, wrote ? "bytes written" : "bytes to write", t.bytesWritten(), "in " + n(t.transactions())
                + " transactions");
        if (report.mode().equals(RunMode.WRITE_BACK.option())) {
            row(out, "written back", t.datasetsWrittenBack(), "datasets written into Cognito Sync, "
                    + n(t.recordsWrittenBack()) + " records");
        }
        row(out, "conflicts", t.conflicts(), (wrote ? "settled" : "a pass would settle them") + " by the policy, "
                + "listed in the report");
        row(out, "mismatches", t.mismatches(), "");
        row(out, "failures", t.failures(), "");
        boolean continued = !report.thisStart().equals(t);
        // the calls are this process's, as the rates are: a continued run's earlier starts made theirs
        row(out, "throttled calls", report.throttled(), "retries " + n(report.retries()) + paced(report)
                + (continued ? "; this start's calls, not the run's" : ""));
        String thisStart = continued ? String.format(Locale.ROOT, "  of this start: %,d identities, %,d records",
                report.thisStart().identities(), report.thisStart().records()) : "";
        out.printf(Locale.ROOT, "  %-16s %s identities/s, %s records/s%s%n", "rate",
                rate(report.identitiesPerSecond()), rate(report.recordsPerSecond()), thisStart);
        issues(report, file, out);
        if (report.failure() != null) {
            out.println("  run did not complete: " + report.failure());
        }
        if (file != null) {
            out.printf(Locale.ROOT, "  %-16s %s%n", "report", file);
        }
    }

    /** {@code , paced ListRecords 19.2/s}: the pace each congested operation got at its last cut, or nothing. */
    private static String paced(RunReport report) {
        return report.paced().entrySet().stream().map(e -> e.getKey() + " " + RateLimits.shown(e.getValue(), 1))
                .reduce((a, b) -> a + ", " + b).map(paces -> ", paced " + paces).orElse("");
    }

    /** The first {@value #LISTED} issues other than conflicts, and how many more there are. */
    private static void issues(RunReport report, @Nullable Path file, PrintStream out) {
        List<Issue> listed = report.issues().stream().filter(i -> i.kind() != Issue.Kind.CONFLICT).limit(LISTED)
                .toList();
        listed.forEach(issue -> out.printf("  %s %s%s: %s%n", issue.kind(), issue.identityId(),
                issue.dataset() == null ? "" : "/" + issue.dataset(), issue.detail()));
        Tally t = report.tally();
        long more = t.failures() + t.mismatches() + t.identitiesPassedOver() - listed.size();
        if (more <= 0) {
            return;
        }
        if (file == null) {
            out.printf(Locale.ROOT, "  and %,d more (--report FILE lists them)%n", more);
        } else {
            out.printf(Locale.ROOT, "  and %,d more in the report%n", more);
        }
    }

    /** A rate with one decimal, or two significant digits below one a second: a slow run's rate is not 0.0. */
    static String rate(double perSecond) {
        if (perSecond <= 0 || perSecond >= 0.95) {
            return String.format(Locale.ROOT, "%,.1f", perSecond);
        }
        return new BigDecimal(perSecond).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** A count as the table's first column prints it: 6,031. */
    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static void row(PrintStream out, String name, long value, String detail) {
        out.printf(Locale.ROOT, "  %-16s %,14d%s%n", name, value, detail.isEmpty() ? "" : "  " + detail);
    }

    /** The calls of one report, for callers that print them. */
    static Map<String, CallStats.OperationCalls> calls(RunReport report) {
        return report.calls();
    }
}
