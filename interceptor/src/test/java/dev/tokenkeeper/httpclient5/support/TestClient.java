package dev.tokenkeeper.httpclient5.support;

import java.util.concurrent.CompletableFuture;

/** A real HttpClient 5 client (classic, wrapped classic or async) behind one interface for the suites. */
public interface TestClient extends AutoCloseable {

    /**
     * Sends and reads the whole answer. Throws what the client throws: for the async client the cause
     * of the failed future (so both kinds can be asserted alike).
     */
    Reply send(Req req) throws Exception;

    /** Sends without waiting: the async client's own future, or a classic call on a pool thread. */
    CompletableFuture<Reply> submit(Req req);

    @Override
    void close() throws Exception;
}
