package dev.tokenkeeper.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One login step of the protocol: checks the request, applies a scheduled fault, else logs the user in. */
final class LoginEndpoint implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LoginEndpoint.class);

    private final LoginStep step;
    private final String path;
    private final IdentityServer.State state;

    LoginEndpoint(LoginStep step, String path, IdentityServer.State state) {
        this.step = step;
        this.path = path;
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(path)) {
            Exchanges.sendJson(exchange, 404, LoginReply.error(404, "not_found", "no such endpoint").body());
            return;
        }
        ServerCounters counters = state.counters;
        counters.loginEntered();
        boolean inFlight = true;
        try {
            if (step == LoginStep.PASSWORD) {
                counters.loginAttempted(state.serverNow.get());
            } else {
                counters.otpStep();
            }
            LoginRequest request = LoginRequest.read(exchange, step, state.users, counters,
                    token -> state.issuer.check(token).outcome() != ApiOutcome.INVALID_TOKEN);
            Fault fault = state.faults.next(step);
            if (fault != null) {
                LOG.debug("{} step: injecting {}", step, fault);
            }
            if (fault != null && fault.kind() == Fault.Kind.NO_ANSWER) {
                // Held until close(). It leaves the in-flight count now: its client will time out, and
                // counting it until close() would inflate every later maxConcurrentLogins.
                counters.loginLeft();
                inFlight = false;
                state.runtime.holdUntilClosed();
                return;
            }
            if (fault != null && answeredByFault(exchange, fault)) {
                return;
            }
            LoginReply reply = request.problem() != null ? request.problem()
                    : step == LoginStep.PASSWORD ? passwordStep(request) : otpStep(request);
            if (fault != null && fault.kind() == Fault.Kind.OVERSIZED_BODY) {
                reply = reply.paddedBeyond(fault.bytes());
            }
            if (fault != null && fault.kind() == Fault.Kind.TRICKLE) {
                Exchanges.sendTrickled(exchange, reply.status(), Exchanges.toJson(reply.body()),
                        () -> state.runtime.pause(fault.duration()));
                return;
            }
            reply.send(exchange);
        } finally {
            if (inFlight) {
                counters.loginLeft();
            }
        }
    }

    /** Applies {@code fault}; true when it answered (or withheld) the response, false to answer normally. */
    private boolean answeredByFault(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault.kind()) {
            case SLOW:
                return !state.runtime.pause(fault.duration());
            case OVERSIZED_BODY:
            case TRICKLE:
                return false;
            case CONNECTION_RESET:
                // Closing an exchange before any response header drops the connection without a byte.
                exchange.close();
                return true;
            case STATUS:
                statusReply(fault.statusCode()).send(exchange);
                return true;
            case TOO_MANY_REQUESTS:
                long seconds = fault.duration().getSeconds() + (fault.duration().getNano() > 0 ? 1 : 0);
                exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
                LoginReply.error(429, "too_many_requests", "slow down; retry after " + seconds + " s").send(exchange);
                return true;
            case NON_JSON:
                Exchanges.sendText(exchange, 200, "text/html; charset=utf-8",
                        "<html><body><h1>Scheduled maintenance</h1><p>Back soon.</p></body></html>");
                return true;
            case OK_WITHOUT_TOKEN:
                Exchanges.sendJson(exchange, 200, Exchanges.JSON.createObjectNode());
                return true;
            case STALE_MFA_TOKEN:
                state.counters.otpRejectedOnce();
                staleMfaToken().send(exchange);
                return true;
            default:
                throw new IllegalStateException("unhandled fault " + fault);
        }
    }

    /** What a real service says with this status on this step. */
    private LoginReply statusReply(int status) {
        if (status == 401 && step == LoginStep.OTP) {
            state.counters.otpRejectedOnce();
            return LoginReply.error(401, "invalid_otp", "the one-time code was refused");
        }
        if (status == 401) {
            return LoginReply.error(401, "invalid_credentials", "wrong email or password");
        }
        if (status == 403) {
            return LoginReply.error(403, "forbidden", "this account may not log in");
        }
        if (status >= 500) {
            return LoginReply.error(status, "service_unavailable", "the identity service is unavailable");
        }
        return LoginReply.error(status, "refused", "the login request was refused");
    }

    private LoginReply passwordStep(LoginRequest request) {
        String email = request.field("email");
        Optional<UserDirectory.User> user = state.users.authenticate(email, request.field("password"));
        if (user.isEmpty()) {
            LOG.debug("password step for {}: wrong email or password", email);
            return LoginReply.error(401, "invalid_credentials", "wrong email or password");
        }
        if (user.get().hasTotp()) {
            LOG.debug("password step for {}: MFA required", email);
            return LoginReply.ok("mfaToken", state.mfaSessions.open(user.get(), request.identityToken()));
        }
        return issue(user.get());
    }

    private LoginReply otpStep(LoginRequest request) {
        String mfaToken = request.field("mfaToken");
        Optional<MfaSessions.Session> found = state.mfaSessions.find(mfaToken);
        if (found.isEmpty()) {
            state.counters.otpRejectedOnce();
            return staleMfaToken();
        }
        MfaSessions.Session session = found.get();
        if (!session.identityToken.equals(request.identityToken())) {
            state.counters.violation("OTP step: identityToken changed between the password and the OTP step");
            return refused(mfaToken, session, "identity_token_mismatch",
                    "the OTP step must carry the identityToken of its password step");
        }
        switch (state.totp.verify(session.user, request.field("otp"))) {
            case ACCEPTED:
                state.mfaSessions.close(mfaToken);
                return issue(session.user);
            case ALREADY_USED:
                return refused(mfaToken, session, "otp_already_used",
                        "this code was already used; wait for the next 30 s step");
            default:
                return refused(mfaToken, session, "invalid_otp", "the one-time code was refused");
        }
    }

    private LoginReply refused(String mfaToken, MfaSessions.Session session, String code, String message) {
        state.counters.otpRejectedOnce();
        state.mfaSessions.refused(mfaToken, session);
        LOG.debug("OTP step for {}: {}", session.user.email(), code);
        return LoginReply.error(401, code, message);
    }

    private static LoginReply staleMfaToken() {
        return LoginReply.error(401, "mfa_token_expired",
                "unknown or expired mfaToken; start again with the password step");
    }

    private LoginReply issue(UserDirectory.User user) {
        String token = state.issuer.issue(user.email());
        state.counters.loginSucceeded();
        LOG.debug("{} step for {}: access token issued", step, user.email());
        return LoginReply.ok("accessToken", token);
    }
}
