package dev.tokenkeeper.httpclient5.support;

import dev.tokenkeeper.httpclient5.TokenKeeper;

/** The ways a user can put tokenkeeper into an HttpClient 5 client; the suites run over these. */
public enum Way {
    /** {@code keeper.configure(HttpClientBuilder)}. */
    CONFIGURED_CLASSIC,
    /** {@code keeper.wrap(alreadyBuiltClient)}. */
    WRAPPED_CLASSIC,
    /** {@code keeper.configure(HttpAsyncClientBuilder)}. */
    CONFIGURED_ASYNC;

    public TestClient open(TokenKeeper keeper, ClientOptions options) {
        return switch (this) {
            case CONFIGURED_CLASSIC -> new ClassicTestClient(keeper.configure(Clients.classicBuilder(options)).build());
            case WRAPPED_CLASSIC -> new ClassicTestClient(keeper.wrap(Clients.classicBuilder(options).build()));
            case CONFIGURED_ASYNC -> new AsyncTestClient(keeper.configure(Clients.asyncBuilder(options)).build());
        };
    }

    public TestClient open(TokenKeeper keeper) {
        return open(keeper, ClientOptions.DEFAULTS);
    }

    /** A wrapper sees only the first hop: it cannot follow a redirect to another origin without the token. */
    public boolean isWrapper() {
        return this == WRAPPED_CLASSIC;
    }

    public boolean isAsync() {
        return this == CONFIGURED_ASYNC;
    }
}
