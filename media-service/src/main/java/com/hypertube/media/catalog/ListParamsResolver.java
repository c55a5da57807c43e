package com.hypertube.media.catalog;

import com.hypertube.media.catalog.CatalogController.ListParams;
import com.hypertube.web.ProblemTypes;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads a list's parameters ({@link ListParams}) straight from the query string: a number that is not one is a
 * {@code 400} problem ({@code invalid-parameter}) that names the parameter, as the other checks of a list's
 * parameters ({@link CatalogController#query}) answer.
 *
 * <p>Spring MVC's own binding of such a record made a data binder per request, resolved each of its ten values
 * through the request's parameters and then its headers (every header read through the firewall's checks),
 * and converted through the conversion service: 28 % of media-service's CPU samples per browse page.
 * {@code @ParameterObject} on the controller's parameter still describes the parameters in the API docs.
 */
final class ListParamsResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ListParams.class;
    }

    @Override
    public ListParams resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return new ListParams(
                request.getParameter("query"),
                request.getParameter("genre"),
                number(request, "yearFrom", Integer::valueOf, "a whole number"),
                number(request, "yearTo", Integer::valueOf, "a whole number"),
                number(request, "minRating", Double::valueOf, "a number"),
                request.getParameter("sort"),
                request.getParameter("order"),
                request.getParameter("cursor"),
                number(request, "limit", Integer::valueOf, "a whole number"),
                request.getParameter("language"));
    }

    /** The parameter as a number; absent or empty: none. */
    private static <T> T number(NativeWebRequest request, String name, Function<String, T> parse, String what) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException notANumber) {
            throw ProblemTypes.error(HttpStatus.BAD_REQUEST, "invalid-parameter", name + " must be " + what + ".");
        }
    }

    /** Registers the resolver, as auth-service's WebConfiguration registers its own. */
    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new ListParamsResolver());
        }
    }
}
