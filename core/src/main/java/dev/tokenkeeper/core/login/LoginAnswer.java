package dev.tokenkeeper.core.login;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenkeeper.core.config.ConfigKey;
import dev.tokenkeeper.core.error.MalformedLoginResponseException;
import dev.tokenkeeper.core.http.SafeUrls;
import java.io.IOException;
import java.net.URI;

/**
 * The useful part of a 2xx login answer: an access token, or an MFA token asking for step 2.
 *
 * @param accessToken the token, or {@code null}
 * @param mfaToken    the MFA token, or {@code null}; ignored when an access token is present
 */
record LoginAnswer(String accessToken, String mfaToken) {

    /** Parses with buffers that are wiped after use, since the answer holds a token. */
    private static final ObjectMapper JSON =
            new ObjectMapper(JsonFactory.builder().recyclerPool(WipingRecyclerPool.INSTANCE).build());

    /**
     * Reads the protocol's fields from {@code body}.
     *
     * @throws MalformedLoginResponseException when the body is not a JSON object, or holds neither
     *                                         field as a non-empty string
     */
    static LoginAnswer parse(LoginStep step, URI url, byte[] body, LoginProtocol protocol) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            // The parser's message may quote the body (and so a token): not passed on.
            throw malformed(step, url, "is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed(step, url, "is not a JSON object");
        }
        String accessToken = text(root, protocol.accessTokenField());
        String mfaToken = step == LoginStep.PASSWORD ? text(root, protocol.mfaTokenField()) : null;
        if (accessToken == null && mfaToken == null) {
            String expected = step == LoginStep.PASSWORD
                    ? "\"" + protocol.accessTokenField() + "\" or \"" + protocol.mfaTokenField() + "\""
                    : "\"" + protocol.accessTokenField() + "\"";
            throw malformed(step, url, "has no " + expected + " string field (check " + ConfigKey.LOGIN_FIELD_ACCESS_TOKEN
                    + " and " + ConfigKey.LOGIN_FIELD_MFA_TOKEN + " if this endpoint names them differently)");
        }
        return new LoginAnswer(accessToken, mfaToken);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() && !node.textValue().isBlank() ? node.textValue() : null;
    }

    private static MalformedLoginResponseException malformed(LoginStep step, URI url, String problem) {
        return new MalformedLoginResponseException("The identity service answered the login " + step + " at "
                + SafeUrls.withoutQuery(url) + " with success, but the body " + problem
                + ". A proxy's page or another endpoint? Check " + ConfigKey.LOGIN_URL + "; tokenkeeper retries with backoff.");
    }
}
