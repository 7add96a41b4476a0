package vn.khuyenhoc.system;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application also runs without a web server: the data set generator is the packaged app started with
 * {@code --spring.main.web-application-type=none} ({@code bench/lib.sh}). A bean that asks for the servlet container
 * (as the dashboards' template writer once did) stops it from starting at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.main.web-application-type=none")
@ActiveProfiles("test")
class WithoutAWebServerTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theApplicationStartsWithoutAWebServerAsTheGeneratorRunsIt() {
        assertThat(context).isNotInstanceOf(WebApplicationContext.class);
        assertThat(context.getBeanDefinitionCount()).isGreaterThan(100);
    }
}
