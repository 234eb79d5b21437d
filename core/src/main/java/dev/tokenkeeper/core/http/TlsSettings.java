package dev.tokenkeeper.core.http;

import dev.tokenkeeper.core.config.ConfigKey;
import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.core.error.SecretUnavailableException;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.core.secret.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.ssl.SSLContexts;

/**
 * Which certificate authorities to trust: the JVM's own, or a trust store holding a private CA.
 *
 * <p>There is deliberately no way to turn verification off. Every strategy made here checks the chain
 * against the trusted CAs and the host name with HttpClient's {@link DefaultHostnameVerifier} (and the
 * JSSE endpoint identification as well). The same settings serve the login client and, through the
 * interceptor module, the clients users build from properties.
 */
public final class TlsSettings {

    private static final TlsSettings JVM_DEFAULT = new TlsSettings(null, "PKCS12", null);

    private final Path trustStore;
    private final String trustStoreType;
    private final SecretSource trustStorePassword;

    private TlsSettings(Path trustStore, String trustStoreType, SecretSource trustStorePassword) {
        this.trustStore = trustStore;
        this.trustStoreType = Objects.requireNonNull(trustStoreType, "trustStoreType");
        this.trustStorePassword = trustStorePassword;
    }

    /** Trust the JVM's default CAs (honouring {@code javax.net.ssl.trustStore} if the JVM was started with it). */
    public static TlsSettings jvmDefault() {
        return JVM_DEFAULT;
    }

    /**
     * Trust exactly the CAs in a trust store.
     *
     * @param path     the trust store file
     * @param type     {@code PKCS12} or {@code JKS}
     * @param password where its password is read from, or {@code null} for a store without one
     */
    public static TlsSettings trustStore(Path path, String type, SecretSource password) {
        return new TlsSettings(Objects.requireNonNull(path, "path"), type, password);
    }

    /** The trust store file, when one is configured. */
    public Optional<Path> trustStorePath() {
        return Optional.ofNullable(trustStore);
    }

    /** The trust store type, such as {@code PKCS12}. */
    public String trustStoreType() {
        return trustStoreType;
    }

    /**
     * Builds an {@link SSLContext} that trusts the configured CAs. The trust store is read now (its
     * password too), so a rotated store is picked up by the next client built.
     *
     * @throws InvalidConfigurationException when the trust store cannot be read; the message names the
     *                                       key, the path and what to check, never the password
     */
    public SSLContext createSslContext() {
        if (trustStore == null) {
            return SSLContexts.createSystemDefault();
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(loadTrustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw invalid("cannot be used as a trust store (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * A TLS strategy for HttpClient 5 that verifies certificates against {@link #createSslContext()} and
     * host names with {@link DefaultHostnameVerifier}. It serves classic clients
     * ({@code PoolingHttpClientConnectionManagerBuilder.setTlsSocketStrategy}) and async clients
     * ({@code PoolingAsyncClientConnectionManagerBuilder.setTlsStrategy}) alike.
     */
    public DefaultClientTlsStrategy createTlsStrategy() {
        return new DefaultClientTlsStrategy(createSslContext(), HostnameVerificationPolicy.BOTH, new DefaultHostnameVerifier());
    }

    private KeyStore loadTrustStore() {
        KeyStore keyStore;
        try {
            keyStore = KeyStore.getInstance(trustStoreType);
        } catch (KeyStoreException e) {
            throw new InvalidConfigurationException(ConfigKey.TLS_TRUST_STORE_TYPE.key(), ConfigKey.TLS_TRUST_STORE_TYPE
                    + " names a trust store type this JVM does not support (" + trustStoreType
                    + "). Use PKCS12 or JKS.", e);
        }
        char[] password = readPassword();
        try (InputStream in = Files.newInputStream(trustStore)) {
            keyStore.load(in, password);
            if (keyStore.size() == 0) {
                throw invalid("holds no certificates; import the CA that signed the identity service's certificate", null);
            }
            return keyStore;
        } catch (NoSuchFileException e) {
            throw invalid("does not exist", e);
        } catch (IOException e) {
            // KeyStore.load reports a wrong password or a wrong type as an IOException.
            throw invalid("cannot be read as a " + trustStoreType + " trust store: wrong "
                    + ConfigKey.TLS_TRUST_STORE_TYPE + ", wrong " + ConfigKey.TLS_TRUST_STORE_PASSWORD
                    + " or a damaged file (" + e.getClass().getSimpleName() + ")", e);
        } catch (GeneralSecurityException e) {
            throw invalid("cannot be loaded (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            Secrets.wipe(password);
        }
    }

    private char[] readPassword() {
        if (trustStorePassword == null) {
            return null;
        }
        try {
            return trustStorePassword.read();
        } catch (SecretUnavailableException e) {
            throw new InvalidConfigurationException(ConfigKey.TLS_TRUST_STORE_PASSWORD.key(),
                    ConfigKey.TLS_TRUST_STORE_PASSWORD + ": " + e.getMessage(), e);
        }
    }

    private InvalidConfigurationException invalid(String problem, Throwable cause) {
        return new InvalidConfigurationException(ConfigKey.TLS_TRUST_STORE.key(), "The trust store " + trustStore
                + " (" + ConfigKey.TLS_TRUST_STORE + ") " + problem + ".", cause);
    }

    @Override
    public String toString() {
        return trustStore == null ? "TlsSettings[JVM default trust]"
                : "TlsSettings[trustStore=" + trustStore + ", type=" + trustStoreType
                        + (trustStorePassword == null ? "" : ", password from " + trustStorePassword.description()) + "]";
    }
}
