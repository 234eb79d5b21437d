package dev.tokenkeeper.httpclient5;

import dev.tokenkeeper.core.AccessToken;
import java.util.Iterator;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The {@code Authorization} header tokenkeeper adds, recognisable by its type.
 *
 * <p>HttpClient copies header <em>objects</em> from request to request (redirect hops, retries, the
 * copy of the original request), so a header of this type found on a request is one of ours, however
 * it got there, and never the user's own. That lets a handler tell "the user set Authorization, leave
 * it alone" from "an earlier hop carried our token, replace or remove it". It is marked sensitive,
 * so HttpClient's redirect safety check treats it like any credential.
 *
 * <p>Immutable. {@link Cache} keeps one instance per token, so attaching it allocates nothing.
 */
final class BearerHeader extends BasicHeader {

    private final transient AccessToken token;

    private BearerHeader(AccessToken token) {
        super(HttpHeaders.AUTHORIZATION, token.authorizationHeaderValue(), true);
        this.token = token;
    }

    /** The token whose value this header carries. */
    AccessToken token() {
        return token;
    }

    /** Never the value: the value is a secret. */
    @Override
    public String toString() {
        return HttpHeaders.AUTHORIZATION + ": Bearer <" + token.fingerprint() + ">";
    }

    /** Whether {@code request} carries an {@code Authorization} header that tokenkeeper did not add. */
    static boolean hasForeignAuthorization(HttpRequest request) {
        Header first = request.getFirstHeader(HttpHeaders.AUTHORIZATION);
        if (first == null) {
            return false; // the common case, without allocating an iterator
        }
        if (!(first instanceof BearerHeader)) {
            return true;
        }
        for (Iterator<Header> it = request.headerIterator(HttpHeaders.AUTHORIZATION); it.hasNext(); ) {
            if (!(it.next() instanceof BearerHeader)) {
                return true;
            }
        }
        return false;
    }

    /** Removes every header tokenkeeper added; returns whether there was one. */
    static boolean removeFrom(HttpRequest request) {
        boolean removed = false;
        for (Iterator<Header> it = request.headerIterator(HttpHeaders.AUTHORIZATION); it.hasNext(); ) {
            if (it.next() instanceof BearerHeader) {
                it.remove();
                removed = true;
            }
        }
        return removed;
    }

    /** Replaces any {@code Authorization} on {@code request} (only ours can be there) with {@code header}. */
    static void attach(HttpRequest request, BearerHeader header) {
        request.setHeader(header);
        if (request.countHeaders(HttpHeaders.AUTHORIZATION) == 1) {
            return; // the common case, without allocating an iterator
        }
        // setHeader replaces the first match only; a second one of ours (never expected) must not survive
        for (Iterator<Header> it = request.headerIterator(HttpHeaders.AUTHORIZATION); it.hasNext(); ) {
            Header h = it.next();
            if (h != header && h instanceof BearerHeader) {
                it.remove();
            }
        }
    }

    /** One header per token: a volatile read when the token is unchanged, one allocation when it changes. */
    static final class Cache {
        private volatile BearerHeader last;

        BearerHeader headerFor(AccessToken token) {
            BearerHeader h = last;
            if (h == null || h.token != token) {
                h = new BearerHeader(token);
                last = h;
            }
            return h;
        }
    }
}
