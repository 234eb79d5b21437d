package dev.tokenkeeper.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.TokenSource;
import dev.tokenkeeper.core.config.ConfigKey;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import dev.tokenkeeper.httpclient5.TokenUnavailableException;
import dev.tokenkeeper.httpclient5.support.Req;
import dev.tokenkeeper.httpclient5.support.TestClient;
import dev.tokenkeeper.httpclient5.support.TestLogins;
import dev.tokenkeeper.httpclient5.support.Way;
import dev.tokenkeeper.reliability.support.Rig;
import dev.tokenkeeper.reliability.support.SuiteEvidence;
import dev.tokenkeeper.reliability.support.TrustAllScanner;
import dev.tokenkeeper.testkit.RecordingServer;
import dev.tokenkeeper.testkit.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS is verified everywhere and cannot be turned off. Through the keeper (classic and async): an identity
 * service whose certificate comes from a CA outside the trust store, or names another host, is refused
 * before the password is sent, with a typed error naming the trust-store key; an API host with such a
 * certificate never gets the request. No configuration key, system property or public API switches
 * verification off, and no source file of the repository contains a trust-all construct.
 *
 * <p>The configured trust store being accepted is what every other reliability test relies on (they all
 * trust the test CA through {@code tokenkeeper.tls.trust-store}); {@code TokenKeeperClientsTest} checks the
 * same from a properties file.
 */
class TlsVerificationTest {

    static Stream<Arguments> refusedCertificates() {
        List<Arguments> cases = new ArrayList<>();
        for (TestPki.Certificate certificate : List.of(TestPki.Certificate.UNTRUSTED_CA, TestPki.Certificate.WRONG_HOST)) {
            for (Way way : List.of(Way.CONFIGURED_CLASSIC, Way.CONFIGURED_ASYNC)) {
                cases.add(Arguments.of(certificate, way));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("refusedCertificates")
    void anIdentityServiceWithAnUnverifiableCertificateNeverSeesThePassword(TestPki.Certificate certificate, Way way)
            throws Exception {
        try (Rig rig = Rig.start(s -> s.serverCertificate(certificate))) {
            TokenKeeper keeper = rig.keeper(rig.config(false, Duration.ofMillis(800)).build(), 1);
            TestClient client = rig.client(keeper, way);

            assertThatThrownBy(() -> client.send(Req.get(rig.server.apiUrl("/api/echo/tls"))))
                    .isInstanceOf(TokenUnavailableException.class)
                    .satisfies(SuiteEvidence::exception)
                    .cause().isExactlyInstanceOf(IdentityServiceUnavailableException.class)
                    .hasMessageContaining("could not establish TLS with localhost:" + rig.server.port())
                    .hasMessageContaining(ConfigKey.TLS_TRUST_STORE.key())
                    .hasMessageContaining("never turned off")
                    .hasRootCauseInstanceOf(certificate == TestPki.Certificate.WRONG_HOST
                            ? java.security.cert.CertificateException.class : java.security.cert.CertPathBuilderException.class);
            assertThat(rig.server.counters().loginsAttempted()).as("password steps received").isZero();
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("refusedCertificates")
    void anApiHostWithAnUnverifiableCertificateNeverGetsTheRequest(TestPki.Certificate certificate, Way way) throws Exception {
        try (Rig rig = Rig.start(s -> s);
             RecordingServer impostor = RecordingServer.start(true, "localhost", certificate)) {
            TokenKeeperConfig config = rig.config(false, Duration.ofMillis(800)).targetHosts("localhost").build();
            TestClient client = rig.client(rig.keeper(config, 1), way);

            assertThatThrownBy(() -> client.send(Req.get(impostor.uri("/api/data"))))
                    .isInstanceOf(SSLException.class)
                    .satisfies(SuiteEvidence::exception);
            assertThat(impostor.requests()).isEmpty();
        }
    }

    @Test
    void theOnlyTlsSettingsAreWhichCasToTrust() {
        assertThat(Arrays.stream(ConfigKey.values()).map(ConfigKey::key).filter(k -> k.startsWith("tokenkeeper.tls.")))
                .containsExactlyInAnyOrder("tokenkeeper.tls.trust-store", "tokenkeeper.tls.trust-store-password",
                        "tokenkeeper.tls.trust-store-type");
        assertThat(Arrays.stream(ConfigKey.values()).map(k -> k.key() + " " + k.description()))
                .noneMatch(text -> text.matches("(?i).*(insecure|trust[- ]?all|skip[- ]verif|verify[- ]?=?\\s*false).*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tokenkeeper.tls.verify", "tokenkeeper.tls.insecure", "tokenkeeper.tls.trust-all",
        "tokenkeeper.tls.hostname-verification", "tokenkeeper.tls.verify-hostname", "tokenkeeper.http.insecure"})
    void aKeyThatWouldTurnVerificationOffIsRefusedAsUnknown(String key) {
        Properties p = new Properties();
        p.setProperty("tokenkeeper.login.url", "https://identity.example.test/account/login");
        p.setProperty("tokenkeeper.login.username", TestLogins.USER);
        p.setProperty("tokenkeeper.login.password", "env:TOKENKEEPER_TEST_UNUSED");
        p.setProperty(key, "false");

        assertThatThrownBy(() -> TokenKeeperConfig.fromProperties(p))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(key)
                .satisfies(SuiteEvidence::exception);
    }

    @Test
    void systemPropertiesThatRelaxOtherStacksChangeNothing() throws Exception {
        Map<String, String> relaxing = Map.of(
                "jdk.internal.httpclient." + "disable" + "HostnameVerification", "true",
                "tokenkeeper.tls.insecure", "true",
                "tokenkeeper.tls.verify", "false",
                "com.sun.net.ssl.checkRevocation", "false");
        relaxing.forEach(System::setProperty);
        try (Rig rig = Rig.start(s -> s.serverCertificate(TestPki.Certificate.WRONG_HOST))) {
            TestClient client = rig.client(rig.keeper(rig.config(false, Duration.ofMillis(800)).build(), 1), Way.CONFIGURED_CLASSIC);

            assertThatThrownBy(() -> client.send(Req.get(rig.server.apiUrl("/api/echo/tls"))))
                    .isInstanceOf(TokenUnavailableException.class)
                    .hasMessageContaining("could not establish TLS");
            assertThat(rig.server.counters().loginsAttempted()).isZero();
        } finally {
            relaxing.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void theLibraryReadsNoSystemPropertyOfItsOwn() {
        // The library modules and the testkit; the samples' and benchmarks' command lines are applications.
        // Main code reads the environment and system properties only for secrets, from the name the configuration
        // gives (env:NAME, sysprop:NAME), and the testkit sets TCP_NODELAY for its JDK server.
        List<String> reads = new ArrayList<>();
        List<Path> library = Stream.of("core", "interceptor", "testkit")
                .flatMap(module -> TrustAllScanner.javaSources(repositoryRoot().resolve(module).resolve("src/main")).stream())
                .toList();
        assertThat(library).hasSizeGreaterThan(50);
        for (Path file : library) {
            String code = read(file);
            if (code.matches("(?s).*(System(\\.|::)(getProperty|getenv|getProperties)|(Boolean|Integer|Long)(\\.|::)get(Boolean|Integer|Long))\\b.*")) {
                reads.add(repositoryRoot().relativize(file).toString());
            }
        }
        assertThat(reads).containsExactlyInAnyOrder(
                "core/src/main/java/dev/tokenkeeper/core/secret/SyspropSecretSource.java",
                "core/src/main/java/dev/tokenkeeper/core/secret/SecretSource.java",
                "core/src/main/java/dev/tokenkeeper/core/secret/SecretSpecs.java",
                "testkit/src/main/java/dev/tokenkeeper/testkit/ServerRuntime.java");
    }

    /** Types through which TLS checking could be replaced; no public tokenkeeper API takes one. */
    private static final Set<String> TLS_OVERRIDES = Set.of(
            "javax.net.ssl.HostnameVerifier", "javax.net.ssl.TrustManager", "javax.net.ssl.X509TrustManager",
            "javax.net.ssl.TrustManagerFactory", "javax.net.ssl.SSLContext", "javax.net.ssl.SSLSocketFactory",
            "org.apache.hc.core5.ssl.TrustStrategy", "org.apache.hc.core5.http.nio.ssl.TlsStrategy",
            "org.apache.hc.client5.http.ssl.TlsSocketStrategy", "org.apache.hc.client5.http.ssl.SSLConnectionSocketFactory");

    @Test
    void noPublicApiAcceptsAVerifierATrustManagerOrAnSslContext() throws Exception {
        List<String> offending = new ArrayList<>();
        int inspected = 0;
        for (Class<?> anchor : List.of(TokenSource.class, TokenKeeper.class)) {
            for (Class<?> type : publicClassesBeside(anchor)) {
                List<Executable> members = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
                members.addAll(Arrays.asList(type.getDeclaredConstructors()));
                for (Executable member : members) {
                    if (!Modifier.isPublic(member.getModifiers()) && !Modifier.isProtected(member.getModifiers())) {
                        continue;
                    }
                    inspected++;
                    for (Class<?> parameter : member.getParameterTypes()) {
                        Class<?> plain = parameter.isArray() ? parameter.getComponentType() : parameter;
                        if (TLS_OVERRIDES.contains(plain.getName())) {
                            offending.add(member.toString());
                        }
                    }
                }
            }
        }
        assertThat(inspected).as("public methods and constructors inspected").isGreaterThan(100);
        assertThat(offending).isEmpty();
    }

    @Test
    void noSourceFileOfTheRepositoryTurnsVerificationOff() {
        List<Path> sources = TrustAllScanner.javaSources(repositoryRoot());
        List<TrustAllScanner.Finding> findings = sources.stream().flatMap(f -> TrustAllScanner.scan(f).stream()).toList();

        assertThat(sources).as("Java sources scanned").hasSizeGreaterThan(150)
                .anyMatch(p -> p.endsWith("TlsSettings.java"))
                .anyMatch(p -> p.endsWith("TrustAllScanner.java"));
        assertThat(findings).isEmpty();
    }

    @Test
    void theScannerFindsEveryTrustAllConstructItLooksFor() {
        String q = "\"";
        List<String> planted = List.of(
                "builder.loadTrustMaterial(new Trust" + "AllStrategy());",
                "SSLContexts.custom().loadTrustMaterial(null, new Trust" + "SelfSignedStrategy()).build();",
                "new DefaultClientTlsStrategy(ctx, Noop" + "HostnameVerifier.INSTANCE);",
                "SSLConnectionSocketFactory.ALLOW" + "_ALL_HOSTNAME_VERIFIER",
                "tmf = Insecure" + "TrustManagerFactory.INSTANCE;",
                "class Lenient implements X509" + "TrustManager {",
                "public void checkServer" + "Trusted(X509Certificate[] chain, String authType) throws CertificateException { }",
                "public X509Certificate[] getAccepted" + "Issuers() { return null; }",
                "builder.setHostname" + "Verifier((host, session) -> true);",
                "Hostname" + "Verifier lenient = (h, s) -> " + "true;",
                "SSLContexts.custom().loadTrust" + "Material(null, (chain, authType) -> true)",
                "public boolean verify(String host, SSL" + "Session session) { return true; }",
                "HttpsURLConnection.setDefault" + "HostnameVerifier(v);",
                "System.setProperty(" + q + "jdk.internal.httpclient.disable" + "HostnameVerification" + q + ", " + q + "true" + q + ");");
        for (String code : planted) {
            assertThat(TrustAllScanner.scan(Path.of("Planted.java"), "class P { void m() { " + code + " } }"))
                    .as(code).isNotEmpty();
        }

        String benign = "/** Never use Noop" + "HostnameVerifier or Trust" + "AllStrategy: verification stays on. */\n"
                + "class Ok { // no X509" + "TrustManager of our own\n"
                + "  Object s = new DefaultClientTlsStrategy(ctx, HostnameVerificationPolicy.BOTH, new Default" + "HostnameVerifier());\n"
                + "  java.util.function.BiPredicate<String, String> any = (a, b) -> true;\n}";
        assertThat(TrustAllScanner.scan(Path.of("Benign.java"), benign)).isEmpty();
    }

    private static List<Class<?>> publicClassesBeside(Class<?> anchor) throws URISyntaxException, IOException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packagePrefix = anchor.getPackageName().split("\\.")[0] + "." + anchor.getPackageName().split("\\.")[1];
        List<Class<?>> classes = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    addIfPublic(classes, root.relativize(file).toString(), packagePrefix);
                }
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
                for (String name : jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.endsWith(".class")).toList()) {
                    addIfPublic(classes, name, packagePrefix);
                }
            }
        }
        return classes;
    }

    private static void addIfPublic(List<Class<?>> classes, String path, String packagePrefix) {
        String name = path.replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
        if (!name.startsWith(packagePrefix) || name.endsWith("package-info") || name.endsWith("module-info")) {
            return;
        }
        try {
            Class<?> type = Class.forName(name, false, TlsVerificationTest.class.getClassLoader());
            if (Modifier.isPublic(type.getModifiers())) {
                classes.add(type);
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }

    /** The repository root: the parent of this module's directory (the working directory of its tests). */
    static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("pom.xml")).exists();
        assertThat(read(root.resolve("pom.xml"))).contains("<module>reliability</module>");
        return root;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
