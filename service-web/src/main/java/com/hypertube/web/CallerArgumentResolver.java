package com.hypertube.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method its {@link Caller}. Only a guarded request has one (the filter answered 401
 * otherwise); a public path whose handler asks for one gets a 401 problem too.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        return Caller.of(webRequest.getNativeRequest(HttpServletRequest.class))
                .orElseThrow(() -> ProblemTypes.error(
                        HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first: this needs a valid access token."));
    }
}
