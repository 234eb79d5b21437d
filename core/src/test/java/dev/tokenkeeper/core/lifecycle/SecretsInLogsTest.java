package dev.tokenkeeper.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.error.CredentialsRejectedException;
import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.testkit.LogCapture;
import dev.tokenkeeper.core.testing.LoginFixture;
import dev.tokenkeeper.testkit.Fault;
import dev.tokenkeeper.testkit.LoginStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole lifecycle with MFA at DEBUG: logins, refreshes, a rejection, failures. Nothing secret is written. */
class SecretsInLogsTest {

    @Test
    void noPasswordTotpSecretOrTokenReachesALogLineOrAMessage() {
        List<String> tokens = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        LifecycleFixture[] holder = new LifecycleFixture[1];
        try (LogCapture logs = LogCapture.atDebug("dev.tokenkeeper", "org.apache.hc");
             LifecycleFixture fx = LifecycleFixture.withMfa(0.5)) {
            holder[0] = fx;
            AccessToken token = fx.source.current();
            tokens.add(token.value());
            texts.add(token.toString());
            texts.add(fx.source.toString());

            fx.clock.advance(Duration.ofSeconds(45)); // background refresh
            fx.source.current();
            fx.clock.advance(Duration.ofSeconds(14));
            AccessToken refreshed = fx.source.current();
            tokens.add(refreshed.value());

            fx.source.invalidate(refreshed);
            fx.clock.advance(Duration.ofSeconds(31)); // next TOTP step: the code may not be reused
            tokens.add(fx.source.current().value());

            fx.server.injectFault(LoginStep.PASSWORD, Fault.status(503), 1);
            fx.source.invalidate(fx.source.current());
            texts.add(messageOf(IdentityServiceUnavailableException.class, fx));
            fx.server.injectFault(LoginStep.PASSWORD, Fault.status(401), 1);
            fx.clock.advance(Duration.ofMinutes(2));
            texts.add(messageOf(CredentialsRejectedException.class, fx));

            texts.add(logs.text());
        }

        assertThat(tokens).hasSize(3).doesNotHaveDuplicates();
        String everything = String.join("\n", texts);
        assertThat(everything).contains("Logged in"); // the capture did capture
        assertThat(everything).doesNotContain(LoginFixture.MFA_PASSWORD);
        assertThat(everything).doesNotContain(holder[0].login.totpSecret);
        for (String token : tokens) {
            assertThat(everything).doesNotContain(token);
            assertThat(everything).doesNotContain(token.substring(token.lastIndexOf('.') + 1)); // not even the signature
        }
    }

    private static String messageOf(Class<? extends Exception> type, LifecycleFixture fx) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> {
            try {
                fx.source.current();
            } catch (RuntimeException e) {
                caught[0] = e;
                throw e;
            }
        }).isInstanceOf(type);
        return caught[0].toString();
    }
}
