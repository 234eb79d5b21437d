package dev.tokenkeeper.core.login;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import dev.tokenkeeper.core.secret.Secrets;

/**
 * A Jackson buffer pool that pools nothing and wipes every buffer handed back. Jackson's default pool
 * keeps a generator's output buffer for reuse, which here would keep the encoded password alive.
 */
final class WipingRecyclerPool extends RecyclerPool.NonRecyclingPoolBase<BufferRecycler> {

    static final WipingRecyclerPool INSTANCE = new WipingRecyclerPool();

    private static final long serialVersionUID = 1L;

    private WipingRecyclerPool() {
    }

    @Override
    public BufferRecycler acquirePooled() {
        return new WipingBufferRecycler();
    }

    /** Wipes released buffers instead of keeping them. */
    private static final class WipingBufferRecycler extends BufferRecycler {

        @Override
        public void releaseByteBuffer(int ix, byte[] buffer) {
            Secrets.wipe(buffer);
        }

        @Override
        public void releaseCharBuffer(int ix, char[] buffer) {
            Secrets.wipe(buffer);
        }
    }
}
