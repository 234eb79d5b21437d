package dev.tokenkeeper.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.core.AccessToken;
import java.time.Instant;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.support.BasicRequestBuilder;
import org.junit.jupiter.api.Test;

/** Telling our Authorization header from the user's, through the copies HttpClient makes of requests. */
class BearerHeaderTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final BearerHeader.Cache cache = new BearerHeader.Cache();
    private final AccessToken token = new AccessToken("header.payload.signature", NOW, NOW.plusSeconds(60));

    @Test
    void ourHeaderSurvivesARequestCopyAndIsStillRecognisedAsOurs() {
        BasicHttpRequest request = new BasicHttpRequest("GET", "/x");
        BearerHeader.attach(request, cache.headerFor(token));

        BasicHttpRequest copy = BasicRequestBuilder.copy(request).build();

        assertThat(BearerHeader.hasForeignAuthorization(copy)).isFalse();
        assertThat(BearerHeader.removeFrom(copy)).isTrue();
        assertThat(copy.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
    }

    @Test
    void theUsersHeaderIsForeignAndNeverRemoved() {
        BasicHttpRequest request = new BasicHttpRequest("GET", "/x");
        request.addHeader(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz");

        assertThat(BearerHeader.hasForeignAuthorization(request)).isTrue();
        assertThat(BearerHeader.removeFrom(request)).isFalse();
        assertThat(request.getFirstHeader(HttpHeaders.AUTHORIZATION).getValue()).isEqualTo("Basic dXNlcjpwYXNz");
    }

    @Test
    void attachingReplacesAStaleTokenOfOurs() {
        AccessToken next = new AccessToken("header.payload2.signature", NOW, NOW.plusSeconds(60));
        BasicHttpRequest request = new BasicHttpRequest("GET", "/x");
        BearerHeader.attach(request, cache.headerFor(token));

        BearerHeader.attach(request, cache.headerFor(next));

        assertThat(request.getHeaders(HttpHeaders.AUTHORIZATION)).singleElement()
                .satisfies(h -> assertThat(h.getValue()).isEqualTo("Bearer header.payload2.signature"));
    }

    @Test
    void oneHeaderObjectPerTokenAndItIsSensitive() {
        BearerHeader first = cache.headerFor(token);

        assertThat(cache.headerFor(token)).isSameAs(first);
        assertThat(first.isSensitive()).isTrue();
        assertThat(first.token()).isSameAs(token);
    }

    @Test
    void toStringNeverShowsTheToken() {
        assertThat(cache.headerFor(token).toString())
                .doesNotContain("payload")
                .contains(token.fingerprint());
    }
}
