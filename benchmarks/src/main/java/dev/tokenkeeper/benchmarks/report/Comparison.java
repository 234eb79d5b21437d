package dev.tokenkeeper.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JMH results grouped the way the hot-path figures are read: per operation ({@code request…},
 * {@code value…}) and thread count, each variant next to the baseline of the same group from the same
 * run.
 *
 * <p>A benchmark method named {@code <operation><Variant>} (e.g. {@code requestTokenkeeper}) belongs to
 * the group of its operation and its thread count; the variant named {@code Baseline} is the group's
 * reference.
 */
public final class Comparison {

    /** The order variants are shown in; unknown ones follow in name order. */
    private static final List<String> ORDER = List.of("Baseline", "Tokenkeeper", "AwsCachedSupplier", "GoogleOAuth2");

    /** The order operations are shown in. */
    private static final List<String> OPERATIONS = List.of("request", "client", "value");

    /** One bar: a variant and its ratio to the group's baseline. */
    public record Row(String variant, JmhResult result, double ratio, double extraTime, double extraBytesPerOp) {
    }

    /** A group of rows measured on the same operation and thread count. */
    public record Group(String operation, int threads, List<Row> rows) {
        public String title() {
            String what = switch (operation) {
                case "request" -> "header on a fresh request";
                case "client" -> "whole classic client chain, no I/O";
                case "value" -> "header value only";
                default -> operation;
            };
            return what + ", " + threads + (threads == 1 ? " thread" : " threads");
        }
    }

    private Comparison() {
    }

    /** Groups {@code results}; groups without a baseline are left out. */
    public static List<Group> of(List<JmhResult> results) {
        Map<String, List<JmhResult>> byGroup = new LinkedHashMap<>();
        for (JmhResult r : results) {
            byGroup.computeIfAbsent(operation(r.method()) + "/" + r.threads(), k -> new ArrayList<>()).add(r);
        }
        List<Group> groups = new ArrayList<>();
        for (List<JmhResult> members : byGroup.values()) {
            JmhResult baseline = members.stream().filter(r -> variant(r.method()).equals("Baseline")).findFirst().orElse(null);
            if (baseline == null) {
                continue;
            }
            List<Row> rows = new ArrayList<>();
            for (JmhResult r : members) {
                rows.add(new Row(variant(r.method()), r, r.score() / baseline.score(), r.score() - baseline.score(),
                        r.bytesPerOp() - baseline.bytesPerOp()));
            }
            rows.sort(Comparator.comparingInt((Row row) -> rank(row.variant())).thenComparing(Row::variant));
            groups.add(new Group(operation(baseline.method()), baseline.threads(), rows));
        }
        groups.sort(Comparator.comparingInt((Group g) -> OPERATIONS.indexOf(g.operation()) < 0 ? OPERATIONS.size()
                        : OPERATIONS.indexOf(g.operation()))
                .thenComparing(Group::operation).thenComparingInt(Group::threads));
        return groups;
    }

    /** A Markdown table of every group, ratios to the baseline of the same run. */
    public static String markdown(List<Group> groups) {
        StringBuilder out = new StringBuilder();
        out.append("| operation | threads | variant | time/op | ± (99.9 %) | ratio to baseline | time above baseline | B/op | B/op above baseline |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (Group g : groups) {
            for (Row row : g.rows()) {
                JmhResult r = row.result();
                out.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f %s | %s | %.2f× | %s | %s | %s |%n",
                        g.operation(), g.threads(), label(row.variant()), r.score(), r.unit(),
                        Double.isNaN(r.scoreError()) ? "n/a" : String.format(Locale.ROOT, "%.1f", r.scoreError()),
                        row.ratio(), delta(row), bytes(r.bytesPerOp()), bytes(row.extraBytesPerOp())));
            }
        }
        return out.toString();
    }

    /** A readable name for a variant. */
    public static String label(String variant) {
        return switch (variant) {
            case "Baseline" -> "baseline (constant header)";
            case "Tokenkeeper" -> "tokenkeeper";
            case "AwsCachedSupplier" -> "AWS SDK v2 CachedSupplier";
            case "GoogleOAuth2" -> "Google OAuth2Credentials";
            default -> variant;
        };
    }

    /** The time above the baseline, e.g. {@code +24.6 ns}. */
    static String delta(Row row) {
        String unit = row.result().unit();
        int slash = unit.indexOf('/');
        return String.format(Locale.ROOT, "%+.1f %s", row.extraTime(), slash < 0 ? unit : unit.substring(0, slash));
    }

    /** The results that belong to no group (no baseline), as a plain Markdown table. */
    public static String others(List<JmhResult> results, List<Group> groups) {
        List<JmhResult> grouped = groups.stream().flatMap(g -> g.rows().stream()).map(Row::result).toList();
        StringBuilder out = new StringBuilder();
        for (JmhResult r : results) {
            if (grouped.contains(r)) {
                continue;
            }
            if (out.length() == 0) {
                out.append("| benchmark | threads | time/op | ± (99.9 %) | B/op |\n|---|---:|---:|---:|---:|\n");
            }
            out.append(String.format(Locale.ROOT, "| %s.%s | %d | %.1f %s | %s | %s |%n", r.className(), r.method(),
                    r.threads(), r.score(), r.unit(),
                    Double.isNaN(r.scoreError()) ? "n/a" : String.format(Locale.ROOT, "%.1f", r.scoreError()),
                    bytes(r.bytesPerOp())));
        }
        return out.toString();
    }

    static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.0f", Math.abs(b) < 0.5 ? 0.0 : b);
    }

    private static String operation(String method) {
        int split = firstUpperCase(method);
        return split < 0 ? method : method.substring(0, split);
    }

    private static String variant(String method) {
        int split = firstUpperCase(method);
        return split < 0 ? method : method.substring(split);
    }

    private static int firstUpperCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int rank(String variant) {
        int i = ORDER.indexOf(variant);
        return i < 0 ? ORDER.size() : i;
    }
}
