package dev.tokenkeeper.httpclient5;

import dev.tokenkeeper.core.AccessToken;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;

/**
 * The async exec chain handler: the same rules as {@link BearerExecHandler}, without ever blocking.
 *
 * <p>It runs on the caller's thread for the first hop, on an I/O dispatcher thread for redirect hops
 * and on the client's scheduler for retries, so it must not wait: it asks the token source for a
 * future and continues the chain when that completes. While the token is fresh the future is already
 * complete and the chain continues at once on the same thread; when a login is needed the chain
 * continues on the login's completion. A caller cancelling its future is linked through the scope's
 * {@code cancellableDependency}: the wait is dropped (the shared login goes on for others).
 *
 * <p>401 replay: the decision is made in {@code handleResponse}, where the 401 can still be kept from
 * the caller. Its body is discarded, and once the exchange has completed the entity producer is
 * rewound ({@code releaseResources()}) and the request is sent once more with the next token. A
 * non-repeatable producer is never replayed.
 */
final class AsyncBearerExecHandler implements AsyncExecChainHandler {

    private final TokenAccess access;

    AsyncBearerExecHandler(TokenAccess access) {
        this.access = access;
    }

    @Override
    public void execute(
            HttpRequest request,
            AsyncEntityProducer entityProducer,
            AsyncExecChain.Scope scope,
            AsyncExecChain chain,
            AsyncExecCallback callback) throws HttpException, IOException {
        HttpClientContext context = scope.clientContext;
        HttpHost target = scope.route.getTargetHost();
        switch (access.policy().decide(target, request, context.getRequestConfigOrDefault(), context)) {
            case ATTACH:
                new Exchange(request, entityProducer, scope, chain, callback, target).attempt(false);
                break;
            case WITHHOLD:
                BearerHeader.removeFrom(request);
                access.withheld(target);
                chain.proceed(request, entityProducer, scope, callback);
                break;
            default:
                chain.proceed(request, entityProducer, scope, callback);
        }
    }

    /** One call through this handler: at most two attempts, the second only after a 401. */
    private final class Exchange {
        private final HttpRequest request;
        private final AsyncEntityProducer entityProducer;
        private final AsyncExecChain.Scope scope;
        private final AsyncExecChain chain;
        private final AsyncExecCallback callback;
        private final HttpHost target;
        /** The headers the request arrived with; lower layers add to the object, a replay starts from these. */
        private final Header[] arrived;

        Exchange(HttpRequest request, AsyncEntityProducer entityProducer, AsyncExecChain.Scope scope,
                 AsyncExecChain chain, AsyncExecCallback callback, HttpHost target) {
            this.request = request;
            this.entityProducer = entityProducer;
            this.scope = scope;
            this.chain = chain;
            this.callback = callback;
            this.target = target;
            this.arrived = request.getHeaders();
        }

        void attempt(boolean replay) {
            CompletableFuture<AccessToken> pending = access.currentAsync();
            if (pending.isDone() && !pending.isCompletedExceptionally()) {
                send(pending.join(), replay); // the hot path: a fresh token, continue on this thread
                return;
            }
            // Our own dependent future: cancelling it leaves the token source's future (maybe shared) alone.
            CompletableFuture<AccessToken> waiting = pending.copy();
            scope.cancellableDependency.setDependency(() -> waiting.cancel(false));
            waiting.whenComplete((token, error) -> {
                if (scope.cancellableDependency.isCancelled()) {
                    return; // the caller gave up; its future is already cancelled
                }
                if (error != null) {
                    callback.failed(new TokenUnavailableSignal(access.unavailable(target, error)));
                } else {
                    send(token, replay);
                }
            });
        }

        private void send(AccessToken token, boolean replay) {
            if (replay) {
                request.setHeaders(arrived);
            }
            BearerHeader header = access.headerFor(token);
            BearerHeader.attach(request, header);
            try {
                // after a replay, a second 401 goes straight to the caller
                chain.proceed(request, entityProducer, scope, replay ? callback : new ReplayOn401(header));
            } catch (HttpException | IOException | RuntimeException e) {
                callback.failed(e);
            }
        }

        /** Passes everything on, except a 401 for our token that can be answered by sending again. */
        private final class ReplayOn401 implements AsyncExecCallback {
            private final BearerHeader sent;
            private volatile boolean replaying;

            ReplayOn401(BearerHeader sent) {
                this.sent = sent;
            }

            @Override
            public AsyncDataConsumer handleResponse(HttpResponse response, EntityDetails entityDetails)
                    throws HttpException, IOException {
                if (response.getCode() == HttpStatus.SC_UNAUTHORIZED) {
                    access.rejected(sent.token(), target);
                    if (entityProducer == null || entityProducer.isRepeatable()) {
                        replaying = true; // decided here: a response withheld now cannot be delivered later
                        return entityDetails != null ? new DiscardingEntityConsumer<>() : null;
                    }
                    access.counters().notReplayed.increment();
                }
                return callback.handleResponse(response, entityDetails);
            }

            @Override
            public void handleInformationResponse(HttpResponse response) throws HttpException, IOException {
                callback.handleInformationResponse(response);
            }

            @Override
            public void completed() {
                if (!replaying) {
                    callback.completed();
                    return;
                }
                if (entityProducer != null) {
                    entityProducer.releaseResources(); // rewinds a repeatable producer for the second send
                }
                access.counters().replays.increment();
                attempt(true);
            }

            @Override
            public void failed(Exception cause) {
                callback.failed(cause);
            }
        }
    }
}
