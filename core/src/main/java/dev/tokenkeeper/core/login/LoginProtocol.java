package dev.tokenkeeper.core.login;

import java.util.Objects;
import java.util.Optional;

/**
 * How the login endpoint speaks: the JSON field names, the identity-token header and the content
 * type. {@link #DEFAULT} is the protocol of {@code protocol.md}; other JWT-issuing endpoints that take
 * a user name and password as JSON can be reached by changing these (the endpoint URLs are part of the
 * configuration: {@code tokenkeeper.login.url} and {@code tokenkeeper.login.otp-url}).
 *
 * @param usernameField       field of the user name in the password step body ({@code email})
 * @param passwordField       field of the password in the password step body ({@code password})
 * @param accessTokenField    field of the access token in an answer ({@code accessToken})
 * @param mfaTokenField       field of the MFA token, in the password step answer and the code step body ({@code mfaToken})
 * @param otpField            field of the one-time code in the code step body ({@code otp})
 * @param identityTokenHeader header carrying the random per-login identity token ({@code Authorization},
 *                            without a {@code Bearer} prefix), or {@code null} to send none
 * @param contentType         Content-Type of the request bodies ({@code application/*+json}); bodies are UTF-8 JSON
 */
public record LoginProtocol(
        String usernameField,
        String passwordField,
        String accessTokenField,
        String mfaTokenField,
        String otpField,
        String identityTokenHeader,
        String contentType) {

    /** The protocol of {@code protocol.md}. */
    public static final LoginProtocol DEFAULT = new LoginProtocol(
            "email", "password", "accessToken", "mfaToken", "otp", "Authorization", "application/*+json");

    public LoginProtocol {
        requireText(usernameField, "usernameField");
        requireText(passwordField, "passwordField");
        requireText(accessTokenField, "accessTokenField");
        requireText(mfaTokenField, "mfaTokenField");
        requireText(otpField, "otpField");
        requireText(contentType, "contentType");
        if (identityTokenHeader != null) {
            requireText(identityTokenHeader, "identityTokenHeader");
        }
    }

    /** The identity-token header, unless the protocol sends none. */
    public Optional<String> identityTokenHeaderName() {
        return Optional.ofNullable(identityTokenHeader);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }
}
