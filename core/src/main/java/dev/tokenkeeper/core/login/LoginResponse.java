package dev.tokenkeeper.core.login;

import java.time.Duration;
import java.time.Instant;

/**
 * What one login request got back: the status, the body (read with the size bound, only for 2xx
 * answers), and the few headers the failure policy needs.
 *
 * @param status     the HTTP status
 * @param body       the body of a 2xx answer, or {@code null}; wiped by the caller after parsing
 * @param retryAfter the wait asked for by {@code Retry-After}, or {@code null}
 * @param location   the {@code Location} of a redirect without query, or {@code null}
 * @param sentAt     local time the request was sent
 */
record LoginResponse(int status, byte[] body, Duration retryAfter, String location, Instant sentAt) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
