package dev.tokenkeeper.core.config;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.core.login.LoginProtocol;
import dev.tokenkeeper.core.secret.SecretSource;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads the {@code tokenkeeper.*} keys of a {@link Properties} into a {@link TokenKeeperConfig.Builder}.
 * A blank value counts as not set (templates often leave keys empty). Unknown {@code tokenkeeper.*}
 * keys are refused, since a typo would otherwise silently fall back to a default.
 */
final class PropertiesConfigReader {

    private final Map<ConfigKey, String> values = new TreeMap<>();

    private PropertiesConfigReader() {
    }

    static TokenKeeperConfig read(Properties properties) {
        PropertiesConfigReader reader = new PropertiesConfigReader();
        reader.collect(properties);
        return reader.toBuilder().build();
    }

    private void collect(Properties properties) {
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            if (!name.startsWith(ConfigKey.PREFIX)) {
                continue;
            }
            ConfigKey.of(name).ifPresentOrElse(key -> {
                String value = properties.getProperty(name);
                if (value != null && !value.isBlank()) {
                    values.put(key, value.strip());
                }
            }, () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            String listed = unknown.stream()
                    .map(name -> name + KeySuggestions.nearest(name).map(k -> " (did you mean " + k + "?)").orElse(""))
                    .collect(Collectors.joining(", "));
            throw new InvalidConfigurationException(unknown.get(0), "Unknown configuration key" + (unknown.size() > 1 ? "s: " : ": ")
                    + listed + ". Known keys: " + Arrays.stream(ConfigKey.values()).map(ConfigKey::key)
                    .collect(Collectors.joining(", ")) + ".");
        }
    }

    private TokenKeeperConfig.Builder toBuilder() {
        TokenKeeperConfig.Builder b = TokenKeeperConfig.builder();
        // allow-http-loopback first: the URL checks depend on it.
        b.allowHttpLoopback(bool(ConfigKey.TARGET_ALLOW_HTTP_LOOPBACK));
        string(ConfigKey.LOGIN_URL, b::loginUrl);
        string(ConfigKey.LOGIN_OTP_URL, b::otpUrl);
        string(ConfigKey.LOGIN_USERNAME, b::username);
        secret(ConfigKey.LOGIN_PASSWORD, b::password);
        secret(ConfigKey.LOGIN_TOTP_SECRET, b::totpSecret);
        b.loginProtocol(protocol());
        duration(ConfigKey.REFRESH_BEFORE_EXPIRY, b::refreshBeforeExpiry);
        duration(ConfigKey.REFRESH_EXPIRY_MARGIN, b::expiryMargin);
        duration(ConfigKey.REFRESH_DEFAULT_LIFETIME, b::defaultLifetime);
        duration(ConfigKey.REFRESH_CREDENTIALS_COOLDOWN, b::credentialsCooldown);
        duration(ConfigKey.REFRESH_MAX_BACKOFF, b::maxBackoff);
        duration(ConfigKey.HTTP_CONNECT_TIMEOUT, b::connectTimeout);
        duration(ConfigKey.HTTP_RESPONSE_TIMEOUT, b::responseTimeout);
        string(ConfigKey.TLS_TRUST_STORE, value -> b.trustStore(path(ConfigKey.TLS_TRUST_STORE, value)));
        string(ConfigKey.TLS_TRUST_STORE_TYPE, b::trustStoreType);
        secret(ConfigKey.TLS_TRUST_STORE_PASSWORD, b::trustStorePassword);
        string(ConfigKey.TARGET_HOSTS, value -> b.targetHosts(TargetHosts.parseList(value)));
        return b;
    }

    private LoginProtocol protocol() {
        LoginProtocol d = LoginProtocol.DEFAULT;
        String header = values.getOrDefault(ConfigKey.LOGIN_IDENTITY_TOKEN_HEADER, d.identityTokenHeader());
        return new LoginProtocol(
                values.getOrDefault(ConfigKey.LOGIN_FIELD_USERNAME, d.usernameField()),
                values.getOrDefault(ConfigKey.LOGIN_FIELD_PASSWORD, d.passwordField()),
                values.getOrDefault(ConfigKey.LOGIN_FIELD_ACCESS_TOKEN, d.accessTokenField()),
                values.getOrDefault(ConfigKey.LOGIN_FIELD_MFA_TOKEN, d.mfaTokenField()),
                values.getOrDefault(ConfigKey.LOGIN_FIELD_OTP, d.otpField()),
                header.equalsIgnoreCase("none") ? null : header,
                values.getOrDefault(ConfigKey.LOGIN_CONTENT_TYPE, d.contentType()));
    }

    private void string(ConfigKey key, Consumer<String> setter) {
        String value = values.get(key);
        if (value != null) {
            setter.accept(value);
        }
    }

    private void secret(ConfigKey key, Consumer<SecretSource> setter) {
        string(key, value -> setter.accept(SecretSource.parse(key.key(), value)));
    }

    private void duration(ConfigKey key, Consumer<Duration> setter) {
        string(key, value -> setter.accept(Durations.parse(key.key(), value)));
    }

    private boolean bool(ConfigKey key) {
        String value = values.getOrDefault(key, key.defaultValue().orElse("false")).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfigurationException(key.key(), key + " must be true or false, was '"
                    + values.get(key) + "'.");
        };
    }

    private static Path path(ConfigKey key, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new InvalidConfigurationException(key.key(), key + " is not a valid file path on this system ("
                    + e.getReason() + "). Expected the path of a PKCS12 or JKS trust store.");
        }
    }
}
