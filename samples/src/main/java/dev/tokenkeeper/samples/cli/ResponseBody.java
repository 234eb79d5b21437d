package dev.tokenkeeper.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * A response body read for printing, up to a bound: a misdirected call to a download endpoint must not
 * fill the terminal or the heap.
 *
 * @param text      the body decoded with its declared charset (UTF-8 when none is declared)
 * @param truncated whether the body went on past the bound
 */
record ResponseBody(String text, boolean truncated) {

    /** Bodies are printed up to this many bytes. */
    static final int MAX_BYTES = 1024 * 1024;

    static ResponseBody read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new ResponseBody("", false);
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(MAX_BYTES);
            boolean truncated = in.read() >= 0;
            return new ResponseBody(new String(bytes, charsetOf(entity)), truncated);
        }
    }

    private static Charset charsetOf(HttpEntity entity) {
        try {
            ContentType type = ContentType.parse(entity.getContentType());
            return type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8; // an unknown charset: show the bytes as UTF-8 rather than fail the call
        }
    }
}
