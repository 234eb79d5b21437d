package dev.tokenkeeper.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** A JSON answer of a login step, built before it is sent so that faults can reshape it. */
record LoginReply(int status, ObjectNode body) {

    static LoginReply ok(String field, String value) {
        return new LoginReply(200, JsonNodeFactory.instance.objectNode().put(field, value));
    }

    /** An error answer {@code {"error": code, "message": message}}. */
    static LoginReply error(int status, String code, String message) {
        return new LoginReply(status, JsonNodeFactory.instance.objectNode().put("error", code).put("message", message));
    }

    /**
     * The same answer with a {@code padding} field placed first, so the body exceeds {@code bytes} and the
     * fields a client looks for come only after it.
     */
    LoginReply paddedBeyond(int bytes) {
        ObjectNode padded = JsonNodeFactory.instance.objectNode();
        padded.put("padding", "x".repeat(bytes + 1));
        padded.setAll(body);
        return new LoginReply(status, padded);
    }

    void send(HttpExchange exchange) throws IOException {
        Exchanges.sendJson(exchange, status, body);
    }
}
