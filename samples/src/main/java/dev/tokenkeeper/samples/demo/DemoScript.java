package dev.tokenkeeper.samples.demo;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.TokenSourceStats;
import dev.tokenkeeper.httpclient5.TokenKeeperStats;
import dev.tokenkeeper.samples.cli.ErrorReport;
import dev.tokenkeeper.testkit.ApiOutcome;
import dev.tokenkeeper.testkit.RecordedRequest;
import dev.tokenkeeper.testkit.ServerCounters;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The demo's story, step by step. Each step acts through the tokenkeeper client exactly as an
 * application would, then reads the identity server's and the library's counters to say (and check)
 * what happened.
 */
final class DemoScript {

    private static final int SECTIONS = 5;

    private final DemoWorld world;
    private final DemoSettings settings;
    private final Narrator say;
    private final DemoChecks checks;
    private final ServerCounters server;

    private int requests;
    private int requestsOk;
    private Instant lastRequestAt;

    DemoScript(DemoWorld world, DemoSettings settings, Narrator say, DemoChecks checks) {
        this.world = world;
        this.settings = settings;
        this.say = say;
        this.checks = checks;
        this.server = world.identity.counters();
    }

    void play() throws InterruptedException {
        introduce();
        AccessToken first = firstLogin();
        Instant refreshedAt = proactiveRefresh(first);
        revoke(refreshedAt);
        redirectToForeignHost();
        summarize();
    }

    private void introduce() {
        say.say("tokenkeeper demo: an identity server and its API in this process, over HTTPS at " + world.identity.baseUri());
        say.note("its certificate is signed by the testkit's test CA, which tokenkeeper trusts through a trust store");
        say.note("(tokenkeeper.tls.trust-store); certificate and host name verification stay on");
        say.note("user " + DemoWorld.USER + " has TOTP on; its password and TOTP secret reach tokenkeeper through");
        say.note("callbacks, as from a vault (a properties file would say env:, file: or sysprop:), never as literals");
        say.note("the token goes only to " + world.keeper.targetScope().hosts() + " (the login host; tokenkeeper.target.hosts)");
        say.note("tokens live " + seconds(settings.tokenLifetime()) + "; a background refresh starts "
                + seconds(settings.refreshBeforeExpiry()) + " before expiry; requests would wait only in the last "
                + seconds(settings.expiryMargin()));
        say.note("this demo's clock runs " + settings.speed() + "x faster than yours, so that three logins, each in a TOTP step of its");
        say.note("own (the server accepts a code once), fit in a few seconds; the times shown are the demo clock's");
    }

    // ---- 1 ------------------------------------------------------------------------------------------

    private AccessToken firstLogin() throws InterruptedException {
        say.section("1/" + SECTIONS + " First login: the password step, then the TOTP step");
        Exchange exchange = request();
        TokenSourceStats stats = world.stats().tokenSource();
        AccessToken token = world.keeper.tokenSource().current();
        say.note("before it was sent, tokenkeeper logged in: the password step answered with an mfaToken, so it");
        say.note("computed the TOTP code from the secret and sent it (TOTP steps at the server: " + server.otpSteps() + ")");
        say.note("token " + token.fingerprint() + " valid until " + clockTime(token.expiresAt()) + "; this first request waited for the login (waits="
                + stats.waits() + ")");
        checks.expect(exchange.ok() && token.fingerprint().equals(exchange.token()), "the first request carried the first token",
                "status " + exchange.status() + ", token " + exchange.token());
        checks.expect(stats.logins() == 1 && server.loginsSucceeded() == 1 && server.otpSteps() == 1,
                "one login, with the TOTP step", "logins " + stats.logins() + ", at the server " + server.loginsSucceeded()
                        + " logins and " + server.otpSteps() + " TOTP steps");
        return token;
    }

    // ---- 2 and 3 ------------------------------------------------------------------------------------

    /** Requests go on until a new token turns up; returns the demo time at which the refresh started. */
    private Instant proactiveRefresh(AccessToken first) throws InterruptedException {
        say.section("2/" + SECTIONS + " Requests carry the token (Authorization: Bearer, added by tokenkeeper)");
        long waitsBefore = world.stats().tokenSource().waits();
        Instant refreshStartedAt = null;
        Exchange exchange;
        do {
            exchange = requestAfterPause();
            if (refreshStartedAt == null && world.stats().tokenSource().refreshes() > 0) {
                refreshStartedAt = lastRequestAt;
                say.section("3/" + SECTIONS + " A proactive refresh before expiry, that no request waits for");
                say.say("token " + first.fingerprint() + " has " + seconds(Duration.between(lastRequestAt, first.expiresAt()))
                        + " left: the request above still got it, and one background login started (refreshes="
                        + world.stats().tokenSource().refreshes() + ")");
            }
        } while (first.fingerprint().equals(exchange.token()) && world.clock.instant().isBefore(first.expiresAt()));

        TokenSourceStats stats = world.stats().tokenSource();
        Instant now = world.clock.instant();
        boolean replaced = exchange.ok() && exchange.token() != null && !exchange.token().equals(first.fingerprint());
        long waited = stats.waits() - waitsBefore;
        if (replaced) {
            say.note("the new token " + exchange.token() + " took over " + seconds(Duration.between(now, first.expiresAt()))
                    + " before the old one would have expired; " + (waited == 0 ? "no request" : waited + " requests")
                    + " waited for it: waits=" + waited + " since the first login");
        }
        checks.expect(replaced && refreshStartedAt != null && now.isBefore(first.expiresAt()),
                "a proactive refresh replaced the token before it expired",
                "refreshes " + stats.refreshes() + ", last token " + exchange.token());
        checks.expect(waited == 0, "no request waited for the refresh", "waits went from " + waitsBefore + " to " + stats.waits());
        checks.expect(stats.logins() == 2 && stats.refreshes() == 1, "exactly one more login, the refresh",
                "logins " + stats.logins() + ", refreshes " + stats.refreshes());
        return refreshStartedAt == null ? now : refreshStartedAt;
    }

    // ---- 4 ------------------------------------------------------------------------------------------

    private void revoke(Instant lastLoginAt) throws InterruptedException {
        // The next login needs a TOTP step of its own: keep working with the new token until one began.
        // (The background login may run a little after the request that started it: allow one interval.)
        Instant revokeAt = lastLoginAt.plus(settings.totpStep()).plus(settings.requestInterval());
        while (lastRequestAt.plus(settings.requestInterval()).isBefore(revokeAt)) {
            requestAfterPause();
        }
        say.section("4/" + SECTIONS + " A server-side revoke: one new login and a replay");
        pause();
        TokenKeeperStats before = world.stats();
        AccessToken held = world.keeper.tokenSource().current();
        int revokedBefore = server.apiCalls(ApiOutcome.REVOKED_TOKEN);
        int otpBefore = server.otpSteps();
        world.identity.revokeAllTokens();
        say.say("the identity server revoked every token it issued; tokenkeeper still holds " + held.fingerprint()
                + ", valid for " + seconds(Duration.between(world.clock.instant(), held.expiresAt())) + " more as far as it knows");
        Exchange exchange = request();
        TokenKeeperStats after = world.stats();
        long newLogins = after.tokenSource().logins() - before.tokenSource().logins();
        long replays = after.replays() - before.replays();
        int rejected = server.apiCalls(ApiOutcome.REVOKED_TOKEN) - revokedBefore;
        say.note("the server answered 401 to " + held.fingerprint() + " (" + rejected + "x); tokenkeeper invalidated that token, logged in");
        say.note("once (logins " + before.tokenSource().logins() + " -> " + after.tokenSource().logins() + ", TOTP step included) and replayed the request (replays "
                + before.replays() + " -> " + after.replays() + "); the caller saw only the 200");
        checks.expect(exchange.ok() && exchange.token() != null && !exchange.token().equals(held.fingerprint()),
                "the request after the revoke succeeded with a new token", "status " + exchange.status() + ", token " + exchange.token());
        checks.expect(rejected == 1 && newLogins == 1 && replays == 1 && server.otpSteps() == otpBefore + 1,
                "one 401, one new login (with TOTP), one replay",
                "401s " + rejected + ", new logins " + newLogins + ", replays " + replays);
    }

    // ---- 5 ------------------------------------------------------------------------------------------

    private void redirectToForeignHost() throws InterruptedException {
        say.section("5/" + SECTIONS + " A redirect to a foreign host");
        pause();
        URI landing = world.foreign.uri("/landing");
        String path = "/api/redirect?status=302&to=" + URLEncoder.encode(landing.toString(), StandardCharsets.UTF_8);
        int hopsBefore = server.redirectAuthorizationHeadersSeen().size();
        Exchange exchange = send(path, "GET " + "/api/redirect?status=302&to=" + landing);
        List<String> firstHops = server.redirectAuthorizationHeadersSeen();
        String firstHop = firstHops.size() > hopsBefore ? fingerprintOf(firstHops.get(firstHops.size() - 1)) : null;
        List<RecordedRequest> arrived = world.foreign.requests();
        RecordedRequest hop = arrived.isEmpty() ? null : arrived.get(arrived.size() - 1);
        say.note("hop 1 to " + world.identity.baseUri().getAuthority() + " (in scope) carried token " + firstHop);
        if (hop == null) {
            say.note("hop 2 never reached " + landing.getAuthority());
        } else {
            say.note("hop 2 to " + landing.getAuthority() + " (another host: outside the scope) arrived "
                    + (hop.header("Authorization") == null ? "WITHOUT" : "WITH") + " an Authorization header;");
            say.note("the headers it got: " + String.join(", ", hop.headers().keySet()));
        }
        checks.expect(exchange.ok() && hop != null && firstHop != null, "the redirect was followed to the foreign host",
                "status " + exchange.status() + ", foreign requests " + arrived.size());
        checks.expect(hop != null && hop.header("Authorization") == null, "the foreign host got no token",
                hop == null ? "no request arrived" : "it got an Authorization header");
    }

    // ---- summary ------------------------------------------------------------------------------------

    private void summarize() {
        say.section("Summary");
        TokenKeeperStats stats = world.stats();
        TokenSourceStats tokens = stats.tokenSource();
        long failedRequests = requests - requestsOk;
        long failures = tokens.loginFailures() + failedRequests;
        say.say("requests " + requests + " (" + requestsOk + " answered 2xx), logins " + tokens.logins()
                + " (the first, " + tokens.refreshes() + " proactive refresh, " + (tokens.logins() - 1 - tokens.refreshes())
                + " after the revoke), refreshes " + tokens.refreshes() + ", replays " + stats.replays() + ", failures " + failures);
        checks.expect(failures == 0 && server.protocolViolations().isEmpty(), "no failures",
                "failed logins " + tokens.loginFailures() + ", failed requests " + failedRequests
                        + ", protocol violations " + server.protocolViolations().size());
        checks.expect(tokens.logins() == 3 && tokens.refreshes() == 1 && stats.replays() == 1,
                "3 logins, 1 refresh, 1 replay in all", tokens.toString());
        if (checks.allPassed()) {
            say.say("every behaviour shown above happened (" + checks.passed() + " checks passed)");
        } else {
            say.say("DEMO FAILED: " + String.join("; ", checks.failed()));
        }
    }

    // ---- requests -----------------------------------------------------------------------------------

    /** What one demo request came back with. */
    private record Exchange(int status, String token) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private Exchange requestAfterPause() throws InterruptedException {
        pause();
        return request();
    }

    private Exchange request() {
        String path = "/api/echo/orders/" + (requests + 1);
        return send(path, "GET " + path);
    }

    /** Sends a GET through the tokenkeeper client and prints one line with the status and the token the server saw. */
    private Exchange send(String pathAndQuery, String shown) {
        requests++;
        lastRequestAt = world.clock.instant();
        int seenBefore = server.authorizationHeadersSeen().size();
        int status;
        try {
            status = world.http.execute(new HttpGet(world.identity.apiUrl(pathAndQuery)), response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        } catch (IOException e) {
            say.say(shown + " -> " + ErrorReport.oneLine(e));
            return new Exchange(-1, null);
        }
        if (status >= 200 && status < 300) {
            requestsOk++;
        }
        List<String> seen = server.authorizationHeadersSeen();
        String token = seen.size() > seenBefore ? fingerprintOf(seen.get(seen.size() - 1)) : null;
        say.say(shown + " -> " + status + (token == null ? "" : ", token " + token));
        return new Exchange(status, token);
    }

    private void pause() throws InterruptedException {
        if (lastRequestAt != null) {
            world.clock.sleepUntil(lastRequestAt.plus(settings.requestInterval()));
        }
    }

    /** The fingerprint of the bearer token in an Authorization value the server recorded. */
    private static String fingerprintOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return AccessToken.fingerprintOf(authorization.substring(7).strip());
    }

    private static String seconds(Duration d) {
        return Math.round(d.toMillis() / 1000.0) + " s";
    }

    private static String clockTime(Instant instant) {
        return Narrator.timeOfDay(instant);
    }
}
