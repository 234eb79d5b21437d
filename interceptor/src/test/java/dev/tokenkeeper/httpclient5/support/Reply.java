package dev.tokenkeeper.httpclient5.support;

/**
 * What came back, read completely.
 *
 * @param location the {@code Location} header of a 3xx, else {@code null}
 */
public record Reply(int status, String body, String location) {
}
