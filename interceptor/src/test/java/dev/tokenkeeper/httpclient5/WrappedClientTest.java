package dev.tokenkeeper.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.httpclient5.support.ClientOptions;
import dev.tokenkeeper.httpclient5.support.Clients;
import dev.tokenkeeper.httpclient5.support.TestLogins;
import dev.tokenkeeper.testkit.ApiOutcome;
import dev.tokenkeeper.testkit.IdentityServer;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only the wrapper has: every execute overload goes through it, the caller's request is restored, close is forwarded. */
class WrappedClientTest {

    private IdentityServer server;
    private TokenKeeper keeper;
    private CloseableHttpClient delegate;
    private CloseableHttpClient wrapped;

    @BeforeEach
    void start() {
        server = TestLogins.server(true).start();
        keeper = TokenKeeper.create(TestLogins.config(server).build());
        delegate = Clients.classicBuilder(ClientOptions.DEFAULTS).build();
        wrapped = keeper.wrap(delegate);
    }

    @AfterEach
    void stop() throws Exception {
        wrapped.close();
        keeper.close();
        server.close();
    }

    @Test
    @SuppressWarnings("deprecation")
    void everyExecuteOverloadCarriesTheToken() throws Exception {
        URI uri = server.apiUrl("/api/echo/overload");
        HttpHost host = HttpHost.create(server.baseUri());

        assertThat(wrapped.execute(new HttpGet(uri), ClassicHttpResponse::getCode)).isEqualTo(200);
        assertThat(wrapped.execute(new HttpGet(uri), HttpClientContext.create(), ClassicHttpResponse::getCode)).isEqualTo(200);
        assertThat(wrapped.execute(host, new HttpGet("/api/echo/overload"), ClassicHttpResponse::getCode)).isEqualTo(200);
        try (ClassicHttpResponse open = wrapped.executeOpen(host, new HttpGet("/api/echo/overload"), null)) {
            assertThat(open.getCode()).isEqualTo(200);
            EntityUtils.consume(open.getEntity());
        }
        try (CloseableHttpResponse legacy = wrapped.execute(new HttpGet(uri))) {
            assertThat(legacy.getCode()).isEqualTo(200);
            EntityUtils.consume(legacy.getEntity());
        }

        assertThat(server.counters().apiCalls(ApiOutcome.OK)).isEqualTo(5);
    }

    @Test
    void theCallersRequestObjectLeavesWithoutTheToken() throws Exception {
        HttpGet request = new HttpGet(server.apiUrl("/api/echo/reused"));

        assertThat(wrapped.execute(request, ClassicHttpResponse::getCode)).isEqualTo(200);

        assertThat(request.getHeaders()).isEmpty();
    }

    @Test
    void closeIsForwardedToTheWrappedClient() throws Exception {
        wrapped.close();

        assertThatThrownBy(() -> delegate.execute(new HttpGet(server.apiUrl("/api/echo/after-close")), ClassicHttpResponse::getCode))
                .isInstanceOf(IllegalStateException.class);
    }
}
