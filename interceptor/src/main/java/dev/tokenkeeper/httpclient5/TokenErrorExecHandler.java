package dev.tokenkeeper.httpclient5;

import java.io.IOException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;

/**
 * First in the classic chain: turns a {@link TokenUnavailableSignal} raised by the per-hop handler
 * below {@code RETRY} into the {@link TokenUnavailableException} the caller gets.
 */
final class TokenErrorExecHandler implements ExecChainHandler {

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        try {
            return chain.proceed(request, scope);
        } catch (TokenUnavailableSignal signal) {
            throw signal.exception();
        }
    }
}
