package vn.khuyenhoc.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Issue 16, headers: scripts only from the app itself (and no template with an inline script or handler that such a
 * policy would break), same-origin referrers, no powerful browser features, HSTS over https only.
 */
@IntegrationTest
class SecurityHeadersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Test
    void everyPageCarriesThePolicies() throws Exception {
        for (String url : new String[] {"/login", "/units/" + tree.unit("22").id()}) {
            mvc.perform(get(url).with(as(tree.staffOf(tree.unit("22")))))
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                    .andExpect(header().string("Content-Security-Policy", containsString("object-src 'none'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("Permissions-Policy", containsString("camera=()")))
                    .andExpect(header().doesNotExist("Strict-Transport-Security"));
        }
    }

    @Test
    void httpsGetsStrictTransportSecurity() throws Exception {
        mvc.perform(get("/login").secure(true)).andExpect(status().isOk())
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
    }

    @Test
    void noTemplateHasAnInlineScriptOrEventHandler() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\b(th:)?src=)(?![^>]*type=\"application/json\")[^>]*>");
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern javascriptUrl = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> offending = files.filter(f -> f.toString().endsWith(".html")).flatMap(f -> {
                try {
                    String html = Files.readString(f, StandardCharsets.UTF_8);
                    return Stream.of(inlineScript, handler, javascriptUrl)
                            .filter(p -> p.matcher(html).find()).map(p -> f + ": " + p.pattern());
                }
                catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }).toList();
            assertThat(offending).isEmpty();
        }
    }
}
