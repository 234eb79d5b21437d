package dev.tokenkeeper.benchmarks.hotpath;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.google.auth.oauth2.OAuth2Credentials;
import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.lifecycle.RefreshPolicy;
import dev.tokenkeeper.core.lifecycle.RefreshingTokenSource;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import dev.tokenkeeper.httpclient5.TargetScope;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.utils.cache.CachedSupplier;
import software.amazon.awssdk.utils.cache.RefreshResult;

/**
 * The per-request cost of getting a bearer header for a valid cached token, against a constant header
 * and against two peers holding the same token. Concrete subclasses fix the thread count
 * ({@link HotPathT1}, {@link HotPathT4}) so one JMH run measures both, side by side.
 *
 * <p>Two groups of methods:
 * <ul>
 *   <li>{@code request*}: the headline figure. Each op builds a fresh {@link BasicClassicHttpRequest}
 *       (identically in every variant), obtains the header value and sets it with
 *       {@code setHeader("Authorization", value)}. The request is returned, so JMH's implicit Blackhole
 *       consumes it and nothing is dead-code eliminated. {@code requestBaseline} sets a header value
 *       held in a field: the physical floor, and what every ratio is measured against.</li>
 *   <li>{@code value*}: only the header value, returned to the Blackhole. Shows the cost of each cache
 *       alone and that tokenkeeper allocates nothing of its own (B/op from {@code -prof gc}).</li>
 * </ul>
 *
 * <p>{@code client*}: the whole classic client chain without I/O ({@link #cannedResponseClient()}),
 * tokenkeeper's real exec chain handler against the caller setting a constant header. The peers have no
 * HttpClient 5 integration of their own, so this group compares tokenkeeper with the floor only.
 *
 * <p>Fairness: all variants hand out the very same token. tokenkeeper and AWS hold the same
 * {@link AccessToken} (whose {@code "Bearer …"} string is precomputed), Google holds an equivalent
 * {@code com.google.auth.oauth2.AccessToken} and precomputes its metadata map itself. Every value is
 * read from a non-final field of a {@link State} object, so the JIT cannot fold any of them into a
 * constant. All token sources use the system clock and tokens that stay fresh for a year, so no
 * variant ever refreshes during a run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public abstract class HotPath {

    /** The header name, from a field like every other input. */
    String authorization;
    URI uri;
    /** The floor: a header value that is simply there. */
    String constantHeaderValue;

    RefreshingTokenSource tokenkeeper;
    CachedSupplier<AccessToken> aws;
    OAuth2Credentials google;

    /** A real classic client whose chain ends in a canned response instead of a connection. */
    CloseableHttpClient plainClient;
    /** The same, configured with tokenkeeper's exec chain handler. */
    CloseableHttpClient keptClient;
    TokenKeeper keeper;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        authorization = HttpHeaders.AUTHORIZATION;
        uri = URI.create("https://api.eu1.example.com/projects/42/cases?page=1");

        Instant now = Instant.now();
        Instant expires = now.plus(Duration.ofDays(365));
        String jwt = sampleJwt(now, expires);
        AccessToken token = new AccessToken(jwt, now, expires);
        constantHeaderValue = new String(token.authorizationHeaderValue()); // equal, not the same instance

        tokenkeeper = RefreshingTokenSource.builder(() -> token)
                .policy(RefreshPolicy.DEFAULTS)
                .clock(Clock.systemUTC())
                .build();
        tokenkeeper.current(); // the one login, before measuring

        // AWS SDK v2: the default prefetch strategy (OneCallerBlocks), prefetch and stale times as its
        // credential providers set them: some minutes before expiry.
        aws = CachedSupplier.builder(() -> RefreshResult.builder(token)
                        .staleTime(expires.minus(Duration.ofMinutes(1)))
                        .prefetchTime(expires.minus(Duration.ofMinutes(5)))
                        .build())
                .build();
        aws.get();

        google = OAuth2Credentials.create(new com.google.auth.oauth2.AccessToken(jwt, Date.from(expires)));
        google.getRequestMetadata(uri);

        keeper = TokenKeeper.of(tokenkeeper, TargetScope.of(List.of(uri.getHost()), false));
        plainClient = cannedResponseClient().build();
        keptClient = keeper.configure(cannedResponseClient()).build();

        requireSameHeader();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        plainClient.close();
        keptClient.close();
        keeper.close();
        tokenkeeper.close();
        aws.close();
    }

    /** The same fresh request in every variant: the part of the op that is not under comparison. */
    private ClassicHttpRequest newRequest() {
        return new BasicClassicHttpRequest("GET", uri);
    }

    @Benchmark
    public ClassicHttpRequest requestBaseline() {
        ClassicHttpRequest request = newRequest();
        request.setHeader(authorization, constantHeaderValue);
        return request;
    }

    @Benchmark
    public ClassicHttpRequest requestTokenkeeper() {
        ClassicHttpRequest request = newRequest();
        request.setHeader(authorization, tokenkeeper.current().authorizationHeaderValue());
        return request;
    }

    @Benchmark
    public ClassicHttpRequest requestAwsCachedSupplier() {
        ClassicHttpRequest request = newRequest();
        request.setHeader(authorization, aws.get().authorizationHeaderValue());
        return request;
    }

    @Benchmark
    public ClassicHttpRequest requestGoogleOAuth2() throws IOException {
        ClassicHttpRequest request = newRequest();
        request.setHeader(authorization, googleHeaderValue());
        return request;
    }

    /**
     * The whole classic client chain (redirect, retry, protocol handling …) without I/O: the request
     * carries a constant header set by the caller.
     */
    @Benchmark
    public int clientBaseline() throws IOException {
        HttpGet get = new HttpGet(uri);
        get.setHeader(authorization, constantHeaderValue);
        return plainClient.execute(get, HttpResponse::getCode);
    }

    /** The same chain with tokenkeeper's handler (scope check, header, 401 watch) adding the token. */
    @Benchmark
    public int clientTokenkeeper() throws IOException {
        return keptClient.execute(new HttpGet(uri), HttpResponse::getCode);
    }

    /**
     * A client whose chain is answered just before {@code CONNECT}, so every handler above it
     * (tokenkeeper's included) runs as in production but nothing touches a socket. The answer is 200 when
     * the request carries an {@code Authorization} header and 401 otherwise, so a variant that lost its
     * token cannot pass for a fast one.
     */
    private static HttpClientBuilder cannedResponseClient() {
        return HttpClients.custom()
                .addExecInterceptorBefore(ChainElement.CONNECT.name(), "canned-response", (request, scope, chain) ->
                        new BasicClassicHttpResponse(request.containsHeader(HttpHeaders.AUTHORIZATION) ? 200 : 401));
    }

    @Benchmark
    public String valueBaseline() {
        return constantHeaderValue;
    }

    @Benchmark
    public String valueTokenkeeper() {
        return tokenkeeper.current().authorizationHeaderValue();
    }

    @Benchmark
    public String valueAwsCachedSupplier() {
        return aws.get().authorizationHeaderValue();
    }

    @Benchmark
    public String valueGoogleOAuth2() throws IOException {
        return googleHeaderValue();
    }

    private String googleHeaderValue() throws IOException {
        Map<String, List<String>> metadata = google.getRequestMetadata(uri);
        return metadata.get(authorization).get(0);
    }

    /** Refuses to measure variants that would not put the same header on the wire. */
    private void requireSameHeader() throws IOException {
        String expected = constantHeaderValue;
        if (!expected.equals(tokenkeeper.current().authorizationHeaderValue())
                || !expected.equals(aws.get().authorizationHeaderValue())
                || !expected.equals(googleHeaderValue())) {
            throw new IllegalStateException("the variants disagree on the Authorization header");
        }
    }

    /** A realistic HS256 JWT (about 230 characters) with exp, iat and jti, signed with a throwaway key. */
    private static String sampleJwt(Instant issued, Instant expires) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return JWT.create()
                .withSubject("benchmark-user@example.com")
                .withIssuedAt(issued)
                .withExpiresAt(expires)
                .withJWTId(UUID.randomUUID().toString())
                .sign(Algorithm.HMAC256(key));
    }
}
