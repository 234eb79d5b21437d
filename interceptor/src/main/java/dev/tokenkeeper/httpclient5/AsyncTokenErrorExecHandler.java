package dev.tokenkeeper.httpclient5;

import java.io.IOException;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * First in the async chain: turns a {@link TokenUnavailableSignal} reported by the per-hop handler
 * below {@code RETRY} into the {@link TokenUnavailableException} the caller's future fails with.
 */
final class AsyncTokenErrorExecHandler implements AsyncExecChainHandler {

    @Override
    public void execute(HttpRequest request, AsyncEntityProducer entityProducer, AsyncExecChain.Scope scope,
                        AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
        try {
            chain.proceed(request, entityProducer, scope, new AsyncExecCallback() {
                @Override
                public AsyncDataConsumer handleResponse(HttpResponse response, EntityDetails entityDetails)
                        throws HttpException, IOException {
                    return callback.handleResponse(response, entityDetails);
                }

                @Override
                public void handleInformationResponse(HttpResponse response) throws HttpException, IOException {
                    callback.handleInformationResponse(response);
                }

                @Override
                public void completed() {
                    callback.completed();
                }

                @Override
                public void failed(Exception cause) {
                    callback.failed(cause instanceof TokenUnavailableSignal signal ? signal.exception() : cause);
                }
            });
        } catch (TokenUnavailableSignal signal) {
            throw signal.exception();
        }
    }
}
