package dev.tokenkeeper.core.config;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.core.login.LoginProtocol;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.ContentType;

/** Checks the customisable parts of the login protocol: a header name that is an HTTP token, a JSON content type. */
final class ProtocolRules {

    /** RFC 9110 token characters. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private ProtocolRules() {
    }

    static void check(LoginProtocol protocol) {
        protocol.identityTokenHeaderName().ifPresent(name -> {
            if (!TOKEN.matcher(name).matches()) {
                throw new InvalidConfigurationException(ConfigKey.LOGIN_IDENTITY_TOKEN_HEADER.key(),
                        ConfigKey.LOGIN_IDENTITY_TOKEN_HEADER + " (" + name + ") is not a valid HTTP header name. "
                                + "Expected a name such as Authorization or X-Identity-Token, or 'none'.");
            }
        });
        ContentType type;
        try {
            type = ContentType.parse(protocol.contentType());
        } catch (RuntimeException e) {
            type = null;
        }
        if (type == null || !type.getMimeType().contains("/") || !type.getMimeType().contains("json")) {
            throw new InvalidConfigurationException(ConfigKey.LOGIN_CONTENT_TYPE.key(), ConfigKey.LOGIN_CONTENT_TYPE + " ("
                    + protocol.contentType() + ") is not a JSON media type. Expected application/json or "
                    + "application/*+json (the bodies are always UTF-8 JSON).");
        }
    }
}
