package dev.tokenkeeper.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.testkit.LogCapture;
import java.net.URI;
import java.util.List;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetScopeTest {

    private static final URI LOGIN = URI.create("https://identity.eu1.example.com/account/login");

    @Test
    void defaultScopeIsTheLoginHostsParentDomain() {
        TargetScope scope = TargetScope.forLoginUrl(LOGIN, List.of(), false);

        assertThat(scope.isDefault()).isTrue();
        assertThat(scope.hosts()).containsExactly("*.eu1.example.com");
        assertThat(scope.allows(URI.create("https://project.eu1.example.com/api/x"))).isTrue();
        assertThat(scope.allows(URI.create("https://a.b.eu1.example.com:8443/x"))).isTrue();
        assertThat(scope.allows(URI.create("https://eu1.example.com/x"))).isFalse();
        assertThat(scope.allows(URI.create("https://project.us1.example.com/x"))).isFalse();
        assertThat(scope.allows(URI.create("https://project.eu1.example.com.evil.org/x"))).isFalse();
        assertThat(scope.allows(URI.create("https://projecteu1.example.com/x"))).isFalse();
    }

    @Test
    void theDefaultIsLoggedOnceAtInfoOnFirstUse() {
        try (LogCapture logs = LogCapture.atDebug(TargetScope.class.getName())) {
            TargetScope scope = TargetScope.forLoginUrl(LOGIN, List.of(), false);
            assertThat(logs.lines()).isEmpty(); // not at construction: on first use

            scope.allows(URI.create("https://project.eu1.example.com/a"));
            scope.allows(URI.create("https://other.example.org/b"));

            assertThat(logs.lines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("INFO ").contains("*.eu1.example.com").contains("tokenkeeper.target.hosts"));
        }
    }

    @Test
    void defaultScopeKeepsAnExplicitLoginPort() {
        TargetScope scope = TargetScope.forLoginUrl(URI.create("https://identity.eu1.example.com:8443/login"), null, false);

        assertThat(scope.hosts()).containsExactly("*.eu1.example.com:8443");
        assertThat(scope.allows(URI.create("https://api.eu1.example.com:8443/x"))).isTrue();
        assertThat(scope.allows(URI.create("https://api.eu1.example.com/x"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:4567/account/login", "http://localhost:4567/account/login",
        "https://example.com:4567/account/login", "https://intranet:4567/login", "http://[::1]:4567/login"})
    void defaultScopeForLoopbackIpOrShortHostIsExactlyTheLoginHostAndPort(String login) {
        URI loginUrl = URI.create(login);
        TargetScope scope = TargetScope.forLoginUrl(loginUrl, List.of(), true);

        assertThat(scope.hosts()).hasSize(1);
        assertThat(scope.hosts().get(0)).doesNotStartWith("*");
        assertThat(scope.allows(loginUrl.resolve("/api/echo"))).isTrue();
        assertThat(scope.allows(loginUrl.resolve("//" + hostOf(loginUrl) + ":4568/api/echo"))).isFalse();
    }

    @Test
    void exactNamesAndWildcardsWithAndWithoutPortsAreCaseInsensitive() {
        TargetScope scope = TargetScope.of(List.of("API.Example.com", "*.svc.example.org:8443"), false);

        assertThat(scope.allows(new HttpHost("https", "api.example.COM", 443))).isTrue();
        assertThat(scope.allows(new HttpHost("https", "api.example.com.", 9999))).isTrue();
        assertThat(scope.allows(new HttpHost("https", "www.example.com", 443))).isFalse();
        assertThat(scope.allows(new HttpHost("https", "a.SVC.example.org", 8443))).isTrue();
        assertThat(scope.allows(new HttpHost("https", "a.svc.example.org", 443))).isFalse();
        assertThat(scope.allows(new HttpHost("https", "svc.example.org", 8443))).isFalse();
    }

    @Test
    void portlessTargetIsJudgedOnTheSchemesDefaultPort() {
        TargetScope scope = TargetScope.of(List.of("api.example.com:443"), false);

        assertThat(scope.allows(new HttpHost("https", "api.example.com", -1))).isTrue();
        assertThat(scope.allows(new HttpHost("https", "api.example.com", 8443))).isFalse();
    }

    @Test
    void plainHttpIsRefusedUnlessLoopbackIsAllowedAndTheHostIsLoopback() {
        TargetScope strict = TargetScope.of(List.of("127.0.0.1", "localhost", "api.example.com"), false);
        TargetScope loopback = TargetScope.of(List.of("127.0.0.1", "localhost", "api.example.com"), true);

        assertThat(strict.allows(new HttpHost("http", "127.0.0.1", 8080))).isFalse();
        assertThat(strict.allows(new HttpHost("https", "127.0.0.1", 8443))).isTrue();
        assertThat(loopback.allows(new HttpHost("http", "127.0.0.1", 8080))).isTrue();
        assertThat(loopback.allows(new HttpHost("http", "LOCALHOST", 8080))).isTrue();
        assertThat(loopback.allows(new HttpHost("http", "api.example.com", 80))).isFalse();
        assertThat(loopback.allows(new HttpHost("ftp", "127.0.0.1", 21))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "localhost", "LocalHost.", "::1", "[::1]", "0:0:0:0:0:0:0:1"})
    void loopbackNames(String host) {
        assertThat(TargetScope.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"128.0.0.1", "127.0.0", "127.0.0.256", "127.example.com", "localhost.example.com", "::2", "10.0.0.1"})
    void notLoopbackNames(String host) {
        assertThat(TargetScope.isLoopback(host)).isFalse();
    }

    @Test
    void theLoginEndpointAndItsSubPathsNeverGetTheToken() {
        URI login = URI.create("https://identity.eu1.example.com/account/login");
        TargetScope scope = TargetScope.forLoginUrl(login, List.of("identity.eu1.example.com"), false);
        HttpHost identity = new HttpHost("https", "identity.eu1.example.com", 443);

        assertThat(scope.allows(identity, "/account/login")).isFalse();
        assertThat(scope.allows(identity, "/account/login?x=1")).isFalse();
        assertThat(scope.allows(identity, "/account/login/otp")).isFalse();
        assertThat(scope.allows(identity, "/account/loginhistory")).isTrue();
        assertThat(scope.allows(identity, "/account/me")).isTrue();
        assertThat(scope.allows(new HttpHost("https", "identity.eu1.example.com", 8443), "/account/login")).isTrue();
    }

    @Test
    void aSeparatelyConfiguredOtpEndpointNeverGetsTheTokenEither() {
        TargetScope scope = TargetScope.forLogin(URI.create("https://identity.eu1.example.com/account/login"),
                URI.create("https://identity.eu1.example.com/mfa/verify"), List.of(), false);

        assertThat(scope.allows(URI.create("https://identity.eu1.example.com/mfa/verify"))).isFalse();
        assertThat(scope.allows(URI.create("https://identity.eu1.example.com/account/login"))).isFalse();
        assertThat(scope.allows(URI.create("https://identity.eu1.example.com/mfa/other"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "*", "*.com", "https://api.example.com", "api.example.com/path", "a.*.example.com",
        "*example.com", "api.example.com:0", "api.example.com:99999", "api.example.com:x", "user@api.example.com",
        "::g1", "[::1", "bad host.example.com"})
    void malformedEntriesAreRefusedNamingTheKeyAndTheAcceptedForms(String entry) {
        assertThatThrownBy(() -> TargetScope.of(List.of(entry), false))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("tokenkeeper.target.hosts")
                .hasMessageContaining("Accepted forms")
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).key()).isEqualTo("tokenkeeper.target.hosts"));
    }

    @Test
    void anEmptyExplicitListIsRefused() {
        assertThatThrownBy(() -> TargetScope.of(List.of(), false))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("tokenkeeper.target.hosts");
    }

    @Test
    void bareIpv6LiteralsAsTheCoreConfigurationWritesThem() {
        TargetScope scope = TargetScope.of(List.of("::1"), true);

        assertThat(scope.allows(new HttpHost("http", "::1", 8080))).isTrue();
        assertThat(scope.allows(URI.create("https://[::1]:8443/x"))).isTrue();
        assertThat(scope.allows(URI.create("https://[::2]:8443/x"))).isFalse();
    }

    @Test
    void ipv6LiteralsWithPorts() {
        TargetScope scope = TargetScope.of(List.of("[::1]:8443"), false);

        assertThat(scope.allows(new HttpHost("https", "::1", 8443))).isTrue();
        assertThat(scope.allows(new HttpHost("https", "[::1]", 8443))).isTrue();
        assertThat(scope.allows(new HttpHost("https", "::1", 8444))).isFalse();
    }

    private static String hostOf(URI uri) {
        return uri.getHost();
    }
}
