package vn.khuyenhoc.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload over the size limit, turned back before anything reads its body: the first reader would otherwise be
 * Spring Security's CSRF check, whose parameter lookup makes Tomcat parse the multipart body and fail, and the user
 * would get the server's error page instead of the upload's page ({@link UploadPages}) saying, in their language, that the file is too
 * large. Runs before Spring Security; it only sends the user to a page that checks access as usual. A body without a
 * declared length still meets Tomcat's limit, and then {@code error/413.html}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadSizeFilter extends OncePerRequestFilter {

    private final long maxRequestBytes;

    UploadSizeFilter(@Value("${spring.servlet.multipart.max-request-size:21MB}") DataSize maxRequestSize) {
        this.maxRequestBytes = maxRequestSize.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null || !type.startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxRequestBytes) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            var page = UploadPages.tooLargePage(path);
            if (page.isPresent()) {
                response.sendRedirect(request.getContextPath() + page.get()); // a fixed pattern, never open
            }
            else {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
