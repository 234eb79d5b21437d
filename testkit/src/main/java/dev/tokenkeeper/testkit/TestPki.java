package dev.tokenkeeper.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test PKI: a long-lived test CA and server key stores made with {@code keytool} by
 * {@code testkit/src/main/pki/make-test-pki.sh}, shipped as classpath resources.
 *
 * <p><strong>Test only.</strong> Every store password is {@code "changeit"}, and the server private keys are
 * public in this repository. Clients verify servers normally (chain and host name) against
 * {@link #trustStore()}, which holds the test CA and nothing else: the way users should trust a private CA.
 * There is deliberately no way to trust everything.
 */
public final class TestPki {

    /** The server certificates the testkit servers can present. */
    public enum Certificate {
        /** Signed by the test CA for DNS {@code localhost}, IP {@code 127.0.0.1} and IP {@code ::1}. */
        LOCALHOST("server-localhost.p12"),
        /** Same names, signed by a second CA that is not in the trust store: must be refused. */
        UNTRUSTED_CA("server-untrusted-ca.p12"),
        /** Signed by the test CA, but only for {@code wrong.example.test}: must fail host name checks. */
        WRONG_HOST("server-wrong-host.p12");

        private final String resource;

        Certificate(String resource) {
            this.resource = resource;
        }
    }

    /** Type of every store. */
    public static final String STORE_TYPE = "PKCS12";

    private static final String RESOURCE_DIR = "/dev/tokenkeeper/testkit/pki/";
    private static final String TRUST_STORE = "truststore.p12";
    private static final String PASSWORD = "changeit";

    private static Path trustStoreFile;
    private static final Map<Certificate, Path> SERVER_STORE_FILES = new EnumMap<>(Certificate.class);

    private TestPki() {
    }

    /**
     * The trust store (PKCS12, holding only the test CA) as a file, for configuration that takes a path.
     * Copied from the classpath once per JVM to a temporary file deleted on exit.
     */
    public static synchronized Path trustStoreFile() {
        if (trustStoreFile == null) {
            trustStoreFile = copyToTempFile(TRUST_STORE);
        }
        return trustStoreFile;
    }

    /** The password of every test store, {@code "changeit"}; a fresh copy each call (callers may wipe it). */
    public static char[] trustStorePassword() {
        return PASSWORD.toCharArray();
    }

    /** The trust store holding the test CA only. */
    public static KeyStore trustStore() {
        return load(TRUST_STORE);
    }

    /** The test CA's certificate. */
    public static X509Certificate caCertificate() {
        try {
            KeyStore store = trustStore();
            return (X509Certificate) store.getCertificate(store.aliases().nextElement());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test CA from " + TRUST_STORE, e);
        }
    }

    /** A client context that trusts exactly the test CA, with normal certificate verification. */
    public static SSLContext clientSslContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the test client SSLContext", e);
        }
    }

    /** The key store (key entry alias {@code server}, chain up to its CA) behind {@code certificate}. */
    public static KeyStore serverKeyStore(Certificate certificate) {
        return load(certificate.resource);
    }

    /** {@link #serverKeyStore} as a temporary file (once per JVM), for servers configured by path. */
    public static synchronized Path serverKeyStoreFile(Certificate certificate) {
        return SERVER_STORE_FILES.computeIfAbsent(certificate, c -> copyToTempFile(c.resource));
    }

    /** A server context presenting {@code certificate}. */
    public static SSLContext serverSslContext(Certificate certificate) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(serverKeyStore(certificate), trustStorePassword());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the server SSLContext for " + certificate, e);
        }
    }

    private static KeyStore load(String name) {
        try (InputStream in = open(name)) {
            KeyStore store = KeyStore.getInstance(STORE_TYPE);
            store.load(in, trustStorePassword());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load test store " + RESOURCE_DIR + name, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = TestPki.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new IllegalStateException("test PKI resource " + RESOURCE_DIR + name
                    + " is missing from the classpath; is tokenkeeper-testkit's jar complete?");
        }
        return in;
    }

    private static Path copyToTempFile(String name) {
        try (InputStream in = open(name)) {
            Path file = Files.createTempFile("tokenkeeper-test-", "-" + name);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy test PKI resource " + name + " to a temporary file", e);
        }
    }
}
