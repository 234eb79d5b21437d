package dev.tokenkeeper.core.login;

import dev.tokenkeeper.core.config.ConfigKey;
import dev.tokenkeeper.core.error.CredentialsRejectedException;
import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.core.error.LoginRejectedException;
import dev.tokenkeeper.core.error.OtpRejectedException;
import dev.tokenkeeper.core.error.TokenKeeperException;
import dev.tokenkeeper.core.http.SafeUrls;
import java.net.URI;

/**
 * Maps a non-2xx login answer to the typed error the token lifecycle acts on:
 * <ul>
 *   <li>401/403 on the password step: refused credentials (cool-down, no retry loop);</li>
 *   <li>408, 429 and 5xx: the service is unavailable (backoff, honouring {@code Retry-After});</li>
 *   <li>3xx: a redirect that is deliberately not followed (the password goes to the configured URL only);</li>
 *   <li>other 4xx: a refused request, usually a wrong URL or protocol setting;</li>
 *   <li>on the one-time code step, 4xx refusals are {@link OtpRejectedException}s.</li>
 * </ul>
 * 401/403 on the code step are handled by the caller first (it waits for the next code and tries once more).
 */
final class LoginFailures {

    private LoginFailures() {
    }

    static boolean isCodeRefused(int status) {
        return status == 401 || status == 403;
    }

    static TokenKeeperException forStatus(LoginStep step, URI url, LoginResponse response) {
        int status = response.status();
        String where = "The identity service answered the login " + step + " at " + SafeUrls.withoutQuery(url)
                + " with " + status;
        if (status == 408 || status == 429 || status >= 500 || status < 200) {
            String wait = response.retryAfter() == null ? ""
                    : " It asked to retry after " + response.retryAfter().toSeconds() + " s.";
            return new IdentityServiceUnavailableException(where + ": the service is unavailable or overloaded."
                    + wait + " tokenkeeper retries with backoff.", null, response.retryAfter());
        }
        if (status >= 300 && status < 400) {
            String target = response.location() == null ? "" : " to " + response.location();
            return new LoginRejectedException(where + ", a redirect" + target + ". Login redirects are not followed, "
                    + "so the password goes only to the configured URL: set " + urlKey(step)
                    + " to the URL that answers the login itself.", status);
        }
        if (step == LoginStep.PASSWORD && isCodeRefused(status)) {
            return new CredentialsRejectedException(where + ": the user name or password was refused. Check "
                    + ConfigKey.LOGIN_USERNAME + " and the password source (" + ConfigKey.LOGIN_PASSWORD
                    + "). Logins are not retried before the credentials cool-down, to protect the account from lockout.",
                    status);
        }
        if (step == LoginStep.OTP) {
            return new OtpRejectedException(where + ": the one-time code or the mfaToken was refused (a stale mfaToken, "
                    + "or a request this endpoint does not understand). Check " + ConfigKey.LOGIN_OTP_URL + ", "
                    + ConfigKey.LOGIN_FIELD_OTP + " and " + ConfigKey.LOGIN_FIELD_MFA_TOKEN + ".", status);
        }
        return new LoginRejectedException(where + ": the login request was refused. Check " + ConfigKey.LOGIN_URL
                + " and the protocol settings (" + ConfigKey.LOGIN_CONTENT_TYPE + ", tokenkeeper.login.field.*, "
                + ConfigKey.LOGIN_IDENTITY_TOKEN_HEADER + ").", status);
    }

    private static ConfigKey urlKey(LoginStep step) {
        return step == LoginStep.PASSWORD ? ConfigKey.LOGIN_URL : ConfigKey.LOGIN_OTP_URL;
    }
}
