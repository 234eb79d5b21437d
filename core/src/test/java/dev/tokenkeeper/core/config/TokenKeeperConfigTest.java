package dev.tokenkeeper.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.core.lifecycle.RefreshPolicy;
import dev.tokenkeeper.core.login.LoginProtocol;
import dev.tokenkeeper.core.otp.Totp;
import dev.tokenkeeper.core.secret.SecretSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenKeeperConfigTest {

    @TempDir
    Path dir;

    private static Properties minimal() {
        Properties p = new Properties();
        p.setProperty("tokenkeeper.login.url", "https://identity.eu1.example.com/account/login");
        p.setProperty("tokenkeeper.login.username", "api-user@example.com");
        p.setProperty("tokenkeeper.login.password", "env:TK_PASSWORD");
        return p;
    }

    private static Properties with(String key, String value) {
        Properties p = minimal();
        p.setProperty(key, value);
        return p;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(Properties p, String key) {
        return assertThatThrownBy(() -> TokenKeeperConfig.fromProperties(p))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).key()).isEqualTo(key))
                .hasMessageContaining(key);
    }

    @Test
    void minimalPropertiesGetTheDocumentedDefaults() {
        Properties p = minimal();
        p.setProperty("unrelated.key", "ignored");
        TokenKeeperConfig config = TokenKeeperConfig.fromProperties(p);

        assertThat(config.loginUrl()).isEqualTo(URI.create("https://identity.eu1.example.com/account/login"));
        assertThat(config.otpUrl()).isEqualTo(URI.create("https://identity.eu1.example.com/account/login/otp"));
        assertThat(config.username()).isEqualTo("api-user@example.com");
        assertThat(config.password().description()).isEqualTo("env:TK_PASSWORD");
        assertThat(config.otpSource()).isEmpty();
        assertThat(config.loginProtocol()).isEqualTo(LoginProtocol.DEFAULT);
        assertThat(config.refreshPolicy()).isEqualTo(RefreshPolicy.DEFAULTS);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.tls().trustStorePath()).isEmpty();
        assertThat(config.targetHosts()).isEmpty();
        assertThat(config.allowHttpLoopback()).isFalse();
        assertThat(config.toString()).contains("env:TK_PASSWORD").doesNotContain("api-user");
    }

    @Test
    void everyKeyIsRead() {
        Properties p = minimal();
        p.setProperty("tokenkeeper.login.otp-url", "https://identity.eu1.example.com/mfa");
        p.setProperty("tokenkeeper.login.totp-secret", "file:/run/secrets/totp");
        p.setProperty("tokenkeeper.login.field.username", "user");
        p.setProperty("tokenkeeper.login.field.password", "pass");
        p.setProperty("tokenkeeper.login.field.access-token", "access_token");
        p.setProperty("tokenkeeper.login.field.mfa-token", "challenge");
        p.setProperty("tokenkeeper.login.field.otp", "code");
        p.setProperty("tokenkeeper.login.identity-token-header", "none");
        p.setProperty("tokenkeeper.login.content-type", "application/json");
        p.setProperty("tokenkeeper.refresh.before-expiry", "2m");
        p.setProperty("tokenkeeper.refresh.expiry-margin", "PT10S");
        p.setProperty("tokenkeeper.refresh.default-lifetime", "1h");
        p.setProperty("tokenkeeper.refresh.credentials-cooldown", "5m");
        p.setProperty("tokenkeeper.refresh.max-backoff", "30s");
        p.setProperty("tokenkeeper.http.connect-timeout", "250ms");
        p.setProperty("tokenkeeper.http.response-timeout", "3s");
        p.setProperty("tokenkeeper.target.hosts", " *.EU1.example.com, api.other.example ,127.0.0.1,[::1]");
        p.setProperty("tokenkeeper.target.allow-http-loopback", "TRUE");

        TokenKeeperConfig config = TokenKeeperConfig.fromProperties(p);

        assertThat(config.otpUrl()).isEqualTo(URI.create("https://identity.eu1.example.com/mfa"));
        assertThat(config.otpSource()).get().isInstanceOf(Totp.class)
                .extracting(o -> o.description()).isEqualTo("TOTP from file:/run/secrets/totp");
        assertThat(config.loginProtocol()).isEqualTo(new LoginProtocol("user", "pass", "access_token", "challenge", "code",
                null, "application/json"));
        assertThat(config.refreshPolicy()).isEqualTo(new RefreshPolicy(Duration.ofMinutes(2), Duration.ofSeconds(10),
                Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(30)));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.responseTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.targetHosts()).containsExactly("*.eu1.example.com", "api.other.example", "127.0.0.1", "::1");
        assertThat(config.allowHttpLoopback()).isTrue();
    }

    @Test
    void everyKeyInTheListIsKnownToTheReaderAndDocumented() {
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(key.key()).startsWith(ConfigKey.PREFIX);
            assertThat(key.description()).isNotBlank();
            assertThat(ConfigKey.of(key.key())).contains(key);
        }
        assertThat(ConfigKey.REFRESH_BEFORE_EXPIRY.defaultValue()).contains("60s");
        assertThat(ConfigKey.TLS_TRUST_STORE_TYPE.defaultValue()).contains("PKCS12");
    }

    @ParameterizedTest
    @CsvSource({"tokenkeeper.login.url", "tokenkeeper.login.username", "tokenkeeper.login.password"})
    void requiredKeysAreNamedWhenMissing(String key) {
        Properties p = minimal();
        p.remove(key);
        assertInvalid(p, key).hasMessageContaining("is required");
        Properties blank = with(key, "  ");
        assertInvalid(blank, key).hasMessageContaining("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tokenkeeper.login.password", "tokenkeeper.login.totp-secret", "tokenkeeper.tls.trust-store-password"})
    void secretLiteralsAreRefusedWithoutEchoingThem(String key) {
        assertInvalid(with(key, "Sup3r-Secret!"), key)
                .hasMessageContaining("env:NAME").hasMessageContaining("file:PATH").hasMessageContaining("sysprop:NAME")
                .hasMessageNotContaining("Sup3r-Secret!");
    }

    @Test
    void unknownKeysAreListedWithSuggestions() {
        Properties p = minimal();
        p.setProperty("tokenkeeper.login.usernam", "x");
        p.setProperty("tokenkeeper.refresh.before-expirey", "1m");
        p.setProperty("tokenkeeper.password", "env:X");
        p.setProperty("tokenkeeper.completely.different", "y");

        assertInvalid(p, "tokenkeeper.completely.different")
                .hasMessageContaining("Unknown configuration keys")
                .hasMessageContaining("tokenkeeper.login.usernam (did you mean tokenkeeper.login.username?)")
                .hasMessageContaining("tokenkeeper.refresh.before-expirey (did you mean tokenkeeper.refresh.before-expiry?)")
                .hasMessageContaining("tokenkeeper.password (did you mean tokenkeeper.login.password?)")
                .hasMessageContaining("tokenkeeper.completely.different, ")
                .hasMessageContaining("Known keys: tokenkeeper.login.url");
    }

    @ParameterizedTest
    @CsvSource({
            "http://identity.example.com/account/login, false, must travel over https",
            "http://identity.example.com/account/login, true, must travel over https",
            "http://127.0.0.1:8080/account/login, false, allow-http-loopback=true",
            "ftp://identity.example.com/login, false, absolute https URL",
            "/account/login, false, absolute https URL",
            "https://user:pw@identity.example.com/login, false, user info",
            "https://identity example.com/login, false, not a valid URL",
    })
    void loginUrlsMustBeHttpsExceptExplicitlyAllowedLoopback(String url, boolean allowLoopback, String expected) {
        Properties p = with("tokenkeeper.login.url", url);
        p.setProperty("tokenkeeper.target.allow-http-loopback", Boolean.toString(allowLoopback));
        assertInvalid(p, "tokenkeeper.login.url").hasMessageContaining(expected).hasMessageNotContaining(":pw@");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/account/login", "http://localhost/login", "http://[::1]:9/login",
            "http://127.1.2.3/login"})
    void plainHttpToLoopbackIsAllowedWhenSwitchedOn(String url) {
        Properties p = with("tokenkeeper.login.url", url);
        p.setProperty("tokenkeeper.target.allow-http-loopback", "true");
        assertThat(TokenKeeperConfig.fromProperties(p).loginUrl()).isEqualTo(URI.create(url));
    }

    @Test
    void theOtpUrlFollowsTheSameRules() {
        assertInvalid(with("tokenkeeper.login.otp-url", "http://identity.example.com/otp"), "tokenkeeper.login.otp-url")
                .hasMessageContaining("https");
    }

    @ParameterizedTest
    @CsvSource({
            "tokenkeeper.refresh.before-expiry, soon, not a duration",
            "tokenkeeper.refresh.expiry-margin, 90, a unit is required",
            "tokenkeeper.refresh.default-lifetime, 0s, more than zero",
            "tokenkeeper.refresh.credentials-cooldown, 0ms, more than zero",
            "tokenkeeper.refresh.max-backoff, 500ms, below the initial backoff",
            "tokenkeeper.http.connect-timeout, 0s, more than zero",
            "tokenkeeper.http.response-timeout, -1s, not a duration",
            "tokenkeeper.refresh.expiry-margin, 2m, larger than tokenkeeper.refresh.before-expiry",
            "tokenkeeper.target.allow-http-loopback, yes, true or false",
            "tokenkeeper.target.hosts, *.com, top-level domain",
            "tokenkeeper.target.hosts, 'api.example.com, https://x.example.com', not a host name",
            "tokenkeeper.target.hosts, api.*.example.com, wildcard other than",
            "tokenkeeper.target.hosts, bad_host!.example.com, not a valid host name",
            "tokenkeeper.login.identity-token-header, Bad Header, not a valid HTTP header name",
            "tokenkeeper.login.content-type, text/plain, not a JSON media type",
            "tokenkeeper.tls.trust-store-type, JKS, tokenkeeper.tls.trust-store is not",
    })
    void invalidValuesNameTheKeyTheProblemAndTheAcceptedForms(String key, String value, String expected) {
        assertInvalid(with(key, value), key).hasMessageContaining(expected);
    }

    @Test
    void durationErrorsListTheAcceptedForms() {
        assertInvalid(with("tokenkeeper.refresh.before-expiry", "soon"), "tokenkeeper.refresh.before-expiry")
                .hasMessageContaining("250ms, 90s, 5m, 1h").hasMessageContaining("PT90S");
    }

    @Test
    void anUnreadableTrustStoreFailsAtStartUpNamingTheKey() throws IOException {
        assertInvalid(with("tokenkeeper.tls.trust-store", dir.resolve("missing.p12").toString()), "tokenkeeper.tls.trust-store")
                .hasMessageContaining("does not exist");

        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a key store");
        assertInvalid(with("tokenkeeper.tls.trust-store", garbage.toString()), "tokenkeeper.tls.trust-store")
                .hasMessageContaining("cannot be read as a PKCS12 trust store");

        Properties wrongType = with("tokenkeeper.tls.trust-store", garbage.toString());
        wrongType.setProperty("tokenkeeper.tls.trust-store-type", "NOPE");
        assertInvalid(wrongType, "tokenkeeper.tls.trust-store-type").hasMessageContaining("PKCS12 or JKS");

        Properties missingPassword = with("tokenkeeper.tls.trust-store", garbage.toString());
        missingPassword.setProperty("tokenkeeper.tls.trust-store-password", "env:TK_SURELY_UNSET_" + System.nanoTime());
        assertInvalid(missingPassword, "tokenkeeper.tls.trust-store-password").hasMessageContaining("is not set");
    }

    @Test
    void theBuilderTakesCallbacksAndAClock() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        TokenKeeperConfig config = TokenKeeperConfig.builder()
                .loginUrl("https://identity.example.com/account/login/")
                .username("u@example.com")
                .password(SecretSource.callback("vault", () -> "pw".toCharArray()))
                .otpSource(now -> "123456")
                .defaultLifetime(Duration.ofMinutes(1))
                .targetHosts(List.of("*.example.com"))
                .clock(clock)
                .build();

        assertThat(config.otpUrl()).isEqualTo(URI.create("https://identity.example.com/account/login/otp"));
        assertThat(config.otpSource()).get().extracting(o -> o.code(Instant.EPOCH)).isEqualTo("123456");
        assertThat(config.clock()).isSameAs(clock);
        assertThat(config.refreshPolicy().defaultLifetime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.refreshPolicy().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.toString()).contains("password from vault", "otp from callback").doesNotContain("pw,");
    }

    @Test
    void theBuilderValidatesLikeTheProperties() {
        assertThatThrownBy(() -> TokenKeeperConfig.builder().loginUrl("https://identity.example.com/login")
                .username("u").password(SecretSource.env("X")).connectTimeout(Duration.ZERO).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("tokenkeeper.http.connect-timeout");
        assertThatThrownBy(() -> TokenKeeperConfig.builder().loginUrl("https://identity.example.com/login")
                .username("u\n").password(SecretSource.env("X")).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("tokenkeeper.login.username");
    }
}
