package dev.tokenkeeper.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test PKI: clients trusting only the test CA reach the good server and refuse the bad ones. */
class TlsTest {

    private final Http http = new Http();

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "::1"})
    void theLocalhostCertificateIsTrustedForEveryLoopbackName(String host) throws Exception {
        try (IdentityServer server = IdentityServer.builder().hostName(host).user("a@example.test", "pw").start()) {
            assertThat(server.baseUri().getScheme()).isEqualTo("https");
            assertThat(http.login(server, "a@example.test", "pw")).isNotBlank();
        }
    }

    @Test
    void aServerSignedByAnotherCaIsRefused() {
        try (IdentityServer server = IdentityServer.builder()
                .serverCertificate(TestPki.Certificate.UNTRUSTED_CA).user("a@example.test", "pw").start()) {
            assertThatThrownBy(() -> http.login(server, "a@example.test", "pw"))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThat(server.counters().loginsAttempted()).isZero();
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefused() {
        try (IdentityServer server = IdentityServer.builder()
                .serverCertificate(TestPki.Certificate.WRONG_HOST).user("a@example.test", "pw").start()) {
            assertThatThrownBy(() -> http.login(server, "a@example.test", "pw"))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("localhost");
            assertThat(server.counters().loginsAttempted()).isZero();
        }
    }

    @Test
    void thePlainHttpServerNeedsNoCertificate() throws Exception {
        try (IdentityServer server = IdentityServer.builder().https(false).user("a@example.test", "pw").start()) {
            assertThat(server.loginUrl()).isEqualTo(URI.create("http://localhost:" + server.port() + "/account/login"));
            assertThat(http.login(server, "a@example.test", "pw")).isNotBlank();
        }
    }

    @Test
    void theTrustStoreHoldsOnlyTheLongLivedTestCa() throws Exception {
        KeyStore fromFile = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(TestPki.trustStoreFile())) {
            fromFile.load(in, TestPki.trustStorePassword());
        }
        assertThat(Collections.list(fromFile.aliases())).containsExactly("tokenkeeper-test-ca");
        assertThat(fromFile.isCertificateEntry("tokenkeeper-test-ca")).isTrue();
        assertThat(TestPki.trustStoreFile()).isSameAs(TestPki.trustStoreFile());

        X509Certificate ca = TestPki.caCertificate();
        assertThat(ca.getBasicConstraints()).as("CA:true").isGreaterThanOrEqualTo(0);
        assertThat(ca.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(365 * 90)));
    }

    @Test
    void theServerCertificateIsSignedByTheCaForServerAuthWithTheLoopbackNames() throws Exception {
        KeyStore store = TestPki.serverKeyStore(TestPki.Certificate.LOCALHOST);
        X509Certificate server = (X509Certificate) store.getCertificate("server");

        server.verify(TestPki.caCertificate().getPublicKey());
        assertThat(server.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(server.getSubjectAlternativeNames()).extracting(san -> (String) san.get(1))
                .containsExactlyInAnyOrder("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(store.getCertificateChain("server")).hasSize(2);
        assertThat(TestPki.serverKeyStoreFile(TestPki.Certificate.LOCALHOST)).exists();
    }

    @Test
    void theRecordingServerSpeaksHttpsWithTheSameCertificates() throws Exception {
        try (RecordingServer good = RecordingServer.start(true, "127.0.0.1");
             RecordingServer bad = RecordingServer.start(true, "localhost", TestPki.Certificate.UNTRUSTED_CA)) {
            HttpResponse<String> response = http.get(good.uri("/x"), null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> http.get(bad.uri("/x"), null)).isInstanceOf(SSLHandshakeException.class);
            assertThat(good.requests()).hasSize(1);
            assertThat(bad.requests()).isEmpty();
        }
    }

    @Test
    void passwordsComeAsFreshCopies() {
        char[] password = TestPki.trustStorePassword();
        java.util.Arrays.fill(password, '\0');
        assertThat(TestPki.trustStorePassword()).containsExactly("changeit".toCharArray());
        assertThat(List.of(TestPki.Certificate.values())).hasSize(3);
    }
}
