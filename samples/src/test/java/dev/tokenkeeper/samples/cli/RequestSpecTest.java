package dev.tokenkeeper.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.junit.jupiter.api.Test;

class RequestSpecTest {

    @Test
    void defaultsToGetWithoutBodyAndPostWithOne() {
        assertThat(RequestSpec.parse(null, null, List.of(), "https://api.example.com/x").method()).isEqualTo("GET");
        RequestSpec post = RequestSpec.parse(null, "{}", List.of(), "https://api.example.com/x");
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.contentType().toString()).isEqualTo("application/json; charset=UTF-8");
    }

    @Test
    void aContentTypeHeaderDescribesTheBodyAndIsNotSentTwice() throws Exception {
        RequestSpec spec = RequestSpec.parse("patch", "a=1", List.of("Content-Type: application/x-www-form-urlencoded", "X-Trace: 42"),
                "https://api.example.com/x?y=1");

        ClassicHttpRequest request = spec.toClassicRequest();
        assertThat(request.getMethod()).isEqualTo("PATCH");
        assertThat(request.getUri().toString()).isEqualTo("https://api.example.com/x?y=1");
        assertThat(request.getHeaders("Content-Type")).isEmpty();
        assertThat(request.getEntity().getContentType()).isEqualTo("application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(request.getEntity().isRepeatable()).isTrue();
        assertThat(request.getFirstHeader("X-Trace").getValue()).isEqualTo("42");
        assertThat(spec.toAsyncRequest().getBodyText()).isEqualTo("a=1");
    }

    @Test
    void refusesWhatCannotBeSent() {
        assertUsage(() -> RequestSpec.parse("GE T", null, List.of(), "https://h/x"), "--method 'GE T' is not an HTTP method");
        assertUsage(() -> RequestSpec.parse(null, null, List.of(), "/relative"), "must be an absolute http(s) URL");
        assertUsage(() -> RequestSpec.parse(null, null, List.of(), "https://h/a b"), "is not a valid URL");
        assertUsage(() -> RequestSpec.parse(null, null, List.of(), "https://user:pw@h/x"), "must not contain user info");
        assertUsage(() -> RequestSpec.parse(null, null, List.of(": v"), "https://h/x"), "is not NAME:VALUE");
        assertUsage(() -> RequestSpec.parse(null, null, List.of("Content-Type: text/plain"), "https://h/x"), "there is no --data");
        assertUsage(() -> RequestSpec.parse(null, "x", List.of("Content-Type: ;;"), "https://h/x"), "is not a media type");
    }

    @Test
    void aUrlWithCredentialsIsNotEchoed() {
        assertThatThrownBy(() -> RequestSpec.parse(null, null, List.of(), "https://user:s3cret@h/x"))
                .hasMessageNotContaining("s3cret");
    }

    private static void assertUsage(Runnable parse, String expected) {
        assertThatThrownBy(parse::run).isInstanceOf(UsageException.class).hasMessageContaining(expected);
    }
}
