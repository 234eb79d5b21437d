package dev.tokenkeeper.core.login;

import dev.tokenkeeper.core.secret.Secrets;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * A byte sink for a request body that holds a secret: unlike {@code ByteArrayOutputStream} it wipes
 * every array it outgrows, and {@link #wipe()} clears the last one once the request has been sent.
 */
final class SecretBuffer extends OutputStream {

    private byte[] buf;
    private int count;

    SecretBuffer(int initialCapacity) {
        buf = new byte[initialCapacity];
    }

    @Override
    public void write(int b) {
        ensureCapacity(count + 1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensureCapacity(count + len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    private void ensureCapacity(int needed) {
        if (needed > buf.length) {
            byte[] old = buf;
            buf = Arrays.copyOf(old, Math.max(needed, old.length * 2));
            Secrets.wipe(old);
        }
    }

    /** An entity over this buffer's bytes, not a copy; valid until {@link #wipe()}. */
    ByteArrayEntity entity(ContentType contentType) {
        return new ByteArrayEntity(buf, 0, count, contentType);
    }

    int size() {
        return count;
    }

    void wipe() {
        Secrets.wipe(buf);
        count = 0;
    }
}
