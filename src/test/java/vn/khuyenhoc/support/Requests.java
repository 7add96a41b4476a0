package vn.khuyenhoc.support;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import vn.khuyenhoc.shared.Staff;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static vn.khuyenhoc.support.TestTree.as;

/** A form posted through the pages by a signed-in user, as the browser sends it. */
public final class Requests {

    private Requests() {
    }

    /** Posts the form to the URL as this user (with the CSRF token), its fields given as name, value, name, value… */
    public static ResultActions post(MockMvc mvc, Staff staff, String url, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(url).with(as(staff)).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(request);
    }
}
