package dev.tokenkeeper.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.core.TokenSource;
import dev.tokenkeeper.httpclient5.support.Reply;
import dev.tokenkeeper.httpclient5.support.Req;
import dev.tokenkeeper.httpclient5.support.TestClient;
import dev.tokenkeeper.httpclient5.support.TestLogins;
import dev.tokenkeeper.httpclient5.support.Way;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.RecordedRequest;
import dev.tokenkeeper.testkit.RecordingServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where the token goes: to targets in scope, on every hop, and nowhere else. Redirects from an allowed
 * host to a foreign one (another host, another port, https to http) with every redirect status, for
 * every way in, over https and http.
 *
 * <p>The foreign targets are {@link RecordingServer}s that record every header they receive. Each
 * kind of foreign target is out of scope for exactly one reason, so each rule is tested on its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedirectScopeTest {

    /** One reason for a target to be out of scope, and the scope that makes it so. */
    enum Foreign {
        /** https://127.0.0.1:p while the scope is {@code localhost} on any port. */
        OTHER_HOST,
        /** https://localhost:p while the scope is {@code localhost:<identity port>}. */
        OTHER_PORT,
        /** http://localhost:p while the scope is {@code localhost} on any port, https only. */
        HTTP_DOWNGRADE
    }

    private IdentityServer httpsServer;
    private IdentityServer httpServer;
    private TokenSource httpsTokens;
    private TokenSource httpTokens;
    private RecordingServer otherHost;
    private RecordingServer otherPort;
    private RecordingServer plainHttp;

    @BeforeAll
    void startServers() {
        httpsServer = TestLogins.server(true).start();
        httpServer = TestLogins.server(false).start();
        httpsTokens = TestLogins.tokenSource(httpsServer);
        httpTokens = TestLogins.tokenSource(httpServer);
        otherHost = RecordingServer.start(true, "127.0.0.1");
        otherPort = RecordingServer.start(true, "localhost");
        plainHttp = RecordingServer.start(false, "localhost");
    }

    @AfterAll
    void stopServers() {
        for (AutoCloseable c : new AutoCloseable[] {httpsTokens, httpTokens, httpsServer, httpServer, otherHost, otherPort, plainHttp}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing best-effort after the tests
            }
        }
    }

    @BeforeEach
    void resetRecords() {
        httpsServer.resetCounters();
        httpServer.resetCounters();
        otherHost.clear();
        otherPort.clear();
        plainHttp.clear();
    }

    static Stream<Arguments> outOfScopeRedirects() {
        List<Arguments> cases = new ArrayList<>();
        for (Way way : Way.values()) {
            for (int status : new int[] {301, 302, 303, 307, 308}) {
                for (Foreign foreign : Foreign.values()) {
                    cases.add(Arguments.of(way, status, foreign, true));
                    if (foreign != Foreign.HTTP_DOWNGRADE) {
                        cases.add(Arguments.of(way, status, foreign, false));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} to {2}, identity https={3}")
    @MethodSource("outOfScopeRedirects")
    void aRedirectToAForeignTargetDeliversNoTokenThere(Way way, int status, Foreign foreign, boolean https) throws Exception {
        IdentityServer server = https ? httpsServer : httpServer;
        RecordingServer target = foreignServer(foreign);
        URI landing = target.uri("/landing/" + UUID.randomUUID());
        try (TokenKeeper keeper = TokenKeeper.of(tokens(https), scopeExcluding(foreign, server, https));
             TestClient client = way.open(keeper)) {

            Reply reply = client.send(Req.get(redirect(server, status, landing)));

            // the first hop, in scope, carried the token ...
            assertThat(server.counters().redirectAuthorizationHeadersSeen())
                    .containsExactly(tokens(https).current().authorizationHeaderValue());
            if (way.isWrapper()) {
                // ... a wrapper cannot strip it per hop, so HttpClient refuses the cross-origin redirect
                assertThat(reply.status()).isEqualTo(status);
                assertThat(reply.location()).isEqualTo(landing.toString());
                assertThat(target.requests()).isEmpty();
            } else {
                // ... the hop to the foreign target was followed, without it
                assertThat(reply.status()).isEqualTo(200);
                assertThat(requestsTo(target, landing)).singleElement()
                        .satisfies(r -> assertThat(r.header("Authorization")).isNull());
                assertThat(keeper.stats().withheld()).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void aChainOfRedirectsLosesTheTokenAtItsFirstForeignHop(Way way) throws Exception {
        URI landing = otherHost.uri("/landing/" + UUID.randomUUID());
        URI chain = redirect(httpsServer, 302, redirect(httpsServer, 308, landing)); // in scope, in scope, foreign
        try (TokenKeeper keeper = TokenKeeper.of(httpsTokens, TargetScope.of(List.of("localhost"), false));
             TestClient client = way.open(keeper)) {

            Reply reply = client.send(Req.get(chain));

            // both hops in scope carried the token (a wrapper's follows the same-origin hop too) ...
            String token = httpsTokens.current().authorizationHeaderValue();
            assertThat(httpsServer.counters().redirectAuthorizationHeadersSeen()).containsExactly(token, token);
            // ... the foreign one did not get it: followed without it, or (wrapper) not followed at all
            if (way.isWrapper()) {
                assertThat(reply.status()).isEqualTo(308);
                assertThat(otherHost.requests()).isEmpty();
            } else {
                assertThat(reply.status()).isEqualTo(200);
                assertThat(requestsTo(otherHost, landing)).singleElement()
                        .satisfies(r -> assertThat(r.header("Authorization")).isNull());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void aRedirectWhoseUserInfoNamesAnAllowedHostNeverReachesTheRealHost(Way way) throws Exception {
        // https://localhost:<port>@127.0.0.1:<other>/... : "localhost" is only user info, the host is 127.0.0.1
        URI landing = URI.create("https://localhost:" + httpsServer.port() + "@127.0.0.1:" + otherHost.port()
                + "/landing/" + UUID.randomUUID());
        try (TokenKeeper keeper = TokenKeeper.of(httpsTokens, TargetScope.of(List.of("localhost"), false));
             TestClient client = way.open(keeper)) {

            Object outcome;
            try {
                outcome = client.send(Req.get(redirect(httpsServer, 302, landing)));
            } catch (Exception e) {
                outcome = e;
            }

            assertThat(otherHost.requests()).isEmpty();
            if (way.isWrapper()) {
                // the token rides in the original request: HttpClient refuses the cross-origin redirect
                assertThat(outcome).isInstanceOfSatisfying(Reply.class, r -> assertThat(r.status()).isEqualTo(302));
            } else {
                // HttpClient refuses a URI with user info outright (RFC 9110 deprecates it)
                assertThat(outcome).isInstanceOfSatisfying(Exception.class, e -> assertThat(e).hasMessageContaining("userinfo"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void aRedirectToAnotherTargetInScopeCarriesTheTokenThere(Way way) throws Exception {
        URI landing = otherPort.uri("/landing/" + UUID.randomUUID());
        try (TokenKeeper keeper = TokenKeeper.of(httpsTokens, TargetScope.of(List.of("localhost"), false));
             TestClient client = way.open(keeper)) {

            Reply reply = client.send(Req.get(redirect(httpsServer, 307, landing)));

            if (way.isWrapper()) {
                // difference: a wrapper's token rides in the original request; HttpClient refuses cross-origin
                assertThat(reply.status()).isEqualTo(307);
                assertThat(otherPort.requests()).isEmpty();
            } else {
                assertThat(reply.status()).isEqualTo(200);
                assertThat(requestsTo(otherPort, landing)).singleElement()
                        .satisfies(r -> assertThat(r.header("Authorization"))
                                .isEqualTo(httpsTokens.current().authorizationHeaderValue()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void aSameOriginRedirectCarriesTheTokenToTheProtectedApi(Way way) throws Exception {
        try (TokenKeeper keeper = TokenKeeper.of(httpsTokens, TargetScope.forLoginUrl(httpsServer.loginUrl(), List.of(), false));
             TestClient client = way.open(keeper)) {

            Reply reply = client.send(Req.get(redirect(httpsServer, 302, URI.create("/api/echo/after-redirect"))));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).contains("/api/echo/after-redirect");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("directCases")
    void aDirectRequestToAForeignTargetGoesWithoutTheToken(Way way, Foreign foreign) throws Exception {
        RecordingServer target = foreignServer(foreign);
        URI uri = target.uri("/direct/" + UUID.randomUUID());
        try (TokenKeeper keeper = TokenKeeper.of(httpsTokens, scopeExcluding(foreign, httpsServer, true));
             TestClient client = way.open(keeper)) {

            assertThat(client.send(Req.get(uri)).status()).isEqualTo(200);
            assertThat(client.send(Req.get(httpsServer.apiUrl("/api/echo/in-scope"))).status()).isEqualTo(200);

            assertThat(requestsTo(target, uri)).singleElement().satisfies(r -> assertThat(r.header("Authorization")).isNull());
        }
    }

    static Stream<Arguments> directCases() {
        return Stream.of(Way.values()).flatMap(w -> Stream.of(Foreign.values()).map(f -> Arguments.of(w, f)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void theLoginEndpointNeverReceivesTheToken(Way way) throws Exception {
        // A recording server plays the identity host, so what reaches its login paths can be seen.
        URI login = otherPort.uri("/account/login");
        try (TokenKeeper keeper = TokenKeeper.of(httpsTokens, TargetScope.forLoginUrl(login, List.of("localhost"), false));
             TestClient client = way.open(keeper)) {

            client.send(Req.post(login, "{}"));
            client.send(Req.post(otherPort.uri("/account/login/otp"), "{}"));
            client.send(Req.get(otherPort.uri("/account/me")));

            assertThat(otherPort.requests()).extracting(RecordedRequest::path, r -> r.header("Authorization"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("/account/login", null),
                            org.assertj.core.groups.Tuple.tuple("/account/login/otp", null),
                            org.assertj.core.groups.Tuple.tuple("/account/me", httpsTokens.current().authorizationHeaderValue()));
        }
    }

    private TokenSource tokens(boolean https) {
        return https ? httpsTokens : httpTokens;
    }

    private RecordingServer foreignServer(Foreign foreign) {
        return switch (foreign) {
            case OTHER_HOST -> otherHost;
            case OTHER_PORT -> otherPort;
            case HTTP_DOWNGRADE -> plainHttp;
        };
    }

    /** A scope that admits the identity server and excludes {@code foreign} for exactly one reason. */
    private static TargetScope scopeExcluding(Foreign foreign, IdentityServer server, boolean https) {
        return switch (foreign) {
            case OTHER_HOST, HTTP_DOWNGRADE -> TargetScope.of(List.of("localhost"), !https);
            case OTHER_PORT -> TargetScope.of(List.of("localhost:" + server.port()), !https);
        };
    }

    private static URI redirect(IdentityServer server, int status, URI to) {
        return server.apiUrl("/api/redirect?status=" + status + "&to=" + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8));
    }

    private static List<RecordedRequest> requestsTo(RecordingServer server, URI uri) {
        return server.requests().stream().filter(r -> r.path().equals(uri.getRawPath())).toList();
    }
}
