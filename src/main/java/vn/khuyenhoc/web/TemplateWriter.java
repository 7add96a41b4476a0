package vn.khuyenhoc.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContext;
import org.springframework.web.servlet.view.AbstractTemplateView;

/**
 * Writes a template to a string, in the context a Thymeleaf view of this request would have (messages in the
 * request's language, links under the application's path, Spring's conversion and bean access), so that a part of a
 * page the same for everyone can be written once and kept: a page then inserts it unescaped
 * ({@code th:utext}). What is written must not depend on the user: no breadcrumbs by scope, no form that posts (its
 * CSRF token is the session's), no {@code #authentication}. Sessions are tracked by cookie only, so no link carries
 * a session's id.
 */
@Component
public class TemplateWriter {

    private final ISpringTemplateEngine templates;
    private final ApplicationContext applicationContext;

    /**
     * Nothing of the servlet container is asked for here: the app also runs without a web server (the data set
     * generator, {@code --spring.main.web-application-type=none}), and a request brings its own servlet context.
     */
    TemplateWriter(ISpringTemplateEngine templates, ApplicationContext applicationContext) {
        this.templates = templates;
        this.applicationContext = applicationContext;
    }

    /** The template, written with these variables for this request, in this language. */
    public String write(String template, Map<String, Object> variables, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        Map<String, Object> model = new HashMap<>(variables);
        ServletContext servletContext = request.getServletContext();
        RequestContext requestContext = new RequestContext(request, response, servletContext, model);
        model.put(AbstractTemplateView.SPRING_MACRO_REQUEST_CONTEXT_ATTRIBUTE, requestContext);
        model.put(SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT,
                new SpringWebMvcThymeleafRequestContext(requestContext, request));
        model.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(applicationContext,
                        (ConversionService) request.getAttribute(ConversionService.class.getName())));
        return templates.process(template, new WebContext(
                JakartaServletWebApplication.buildApplication(servletContext).buildExchange(request, response), locale, model));
    }
}
