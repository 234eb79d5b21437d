package dev.tokenkeeper.httpclient5;

import java.io.IOException;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** Small helpers for classic responses. */
final class ClassicResponses {

    private ClassicResponses() {
    }

    /**
     * Reads a response that will not reach the caller (a 401 about to be replayed) to its end, so its
     * connection can be reused, and closes it.
     */
    static void discard(ClassicHttpResponse response) throws IOException {
        try {
            EntityUtils.consume(response.getEntity());
        } finally {
            response.close();
        }
    }
}
