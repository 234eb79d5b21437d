package dev.tokenkeeper.core.login;

import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.utils.DateUtils;

/** Parses {@code Retry-After}: delay seconds or an HTTP date (RFC 9110, section 10.2.3). */
final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * @param value the header value, or {@code null}
     * @param now   the local time the answer arrived, for an HTTP date
     * @return the wait (zero or more), or {@code null} when absent or unreadable
     */
    static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null; // more digits than a long: not a delay anyone means
            }
        }
        Instant at = DateUtils.parseStandardDate(v);
        if (at == null) {
            return null;
        }
        return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    }
}
