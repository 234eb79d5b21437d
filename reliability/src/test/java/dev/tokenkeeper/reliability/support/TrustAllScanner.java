package dev.tokenkeeper.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds code that turns TLS verification off, in Java source text: the trust-all strategies and host
 * name verifiers of HttpClient and other libraries, trust managers of one's own (the usual way to trust
 * everything), verifiers and trust strategies that answer {@code true}, and the JDK switches that drop
 * host name checks. Comments are ignored (documentation may name what it forbids); string literals are
 * not (reflection could load a class by name).
 *
 * <p>The patterns are assembled from pieces so that this file does not match itself.
 */
public final class TrustAllScanner {

    /** One pattern and why it is forbidden. */
    public record Rule(String why, Pattern pattern) {
    }

    /** A place where a rule matched. */
    public record Finding(Path file, int line, String why, String text) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + why + ": " + text;
        }
    }

    private static final String TRUST = "Trust";
    private static final String VERIFIER = "Hostname" + "Verifier";

    public static final List<Rule> RULES = List.of(
            rule("trust-all strategy", "\\b" + TRUST + "All" + "Strategy\\b"),
            rule("self-signed trust strategy", "\\b" + TRUST + "SelfSigned" + "Strategy\\b"),
            rule("no-op host name verifier", "\\bNoop" + VERIFIER + "\\b"),
            rule("allow-all host name verifier", "\\bALLOW" + "_ALL\\w*"),
            rule("insecure trust manager factory", "\\bInsecure" + TRUST + "ManagerFactory\\b"),
            rule("a trust manager of one's own", "(implements|extends|new)\\s+X509(Extended)?" + TRUST + "Manager\\b"),
            rule("an empty checkServerTrusted", "checkServer" + "Trusted\\s*\\([^)]*\\)\\s*(throws[\\w.,\\s]+)?\\{\\s*\\}"),
            rule("getAcceptedIssuers returning null", "getAccepted" + "Issuers\\s*\\(\\s*\\)\\s*\\{\\s*return\\s+null"),
            rule("a verifier or trust strategy answering true",
                    "(" + VERIFIER + "|set" + VERIFIER + "|loadTrust" + "Material|" + TRUST + "Strategy)[^;]{0,200}?->\\s*(\\{\\s*return\\s+)?true\\b"),
            rule("a verify method answering true", "boolean\\s+verify\\s*\\([^)]*SSLSession[^)]*\\)\\s*\\{\\s*return\\s+true"),
            rule("a JVM-wide host name verifier", "setDefault" + VERIFIER + "\\b"),
            rule("the JDK switch that drops host name checks", "disable" + "HostnameVerification"));

    private TrustAllScanner() {
    }

    private static Rule rule(String why, String regex) {
        return new Rule(why, Pattern.compile(regex));
    }

    /** Every {@code *.java} file under {@code root}, outside build output directories. */
    public static List<Path> javaSources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java") && !isBuildOutputOrHidden(root.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + root, e);
        }
    }

    private static boolean isBuildOutputOrHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("target") || part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The findings in one file. */
    public static List<Finding> scan(Path file) {
        try {
            return scan(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The findings in {@code source}, reported against {@code file}. */
    public static List<Finding> scan(Path file, String source) {
        String code = withoutComments(source);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(code);
            while (m.find()) {
                int line = 1 + (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                findings.add(new Finding(file, line, rule.why(), m.group().replaceAll("\\s+", " ")));
            }
        }
        return findings;
    }

    /**
     * The source with every comment replaced by spaces (line breaks kept, so line numbers stay right);
     * string, character and text-block literals are kept as they are.
     */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j + 1);
                out.append(source, i, j);
                i = j;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    out.append(source.charAt(k) == '\n' ? '\n' : ' ');
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
