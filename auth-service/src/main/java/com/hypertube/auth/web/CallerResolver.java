package com.hypertube.auth.web;

import com.hypertube.auth.token.AccessTokens;
import com.hypertube.contract.IdentityHeaders;
import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller its {@link Caller} by verifying the access token itself — the gateway did too, but a
 * service never trusts a header alone (defence in depth: a request that reached us around the gateway
 * carries no verified identity). A handler that takes a Caller answers 401 without a valid token.
 */
@Component
class CallerResolver implements HandlerMethodArgumentResolver {

    static final String USER_ID_HEADER = IdentityHeaders.USER_ID;

    private final AccessTokens tokens;

    CallerResolver(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.nestedIfOptional().getNestedParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Optional<Caller> verified = com.hypertube.web.AccessTokens.of(request).flatMap(tokens::verify);
        if (parameter.getParameterType() == Optional.class) {
            // Optional<Caller>: the handler works for anyone and does more for a signed-in caller.
            return verified.filter(caller -> matchesForwardedUser(request, caller));
        }
        Caller caller = verified.orElseThrow(() ->
                ProblemTypes.error(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first: no valid access token."));
        // The gateway's header must agree with the token it came with.
        if (!matchesForwardedUser(request, caller)) {
            throw ProblemTypes.error(HttpStatus.UNAUTHORIZED, "unauthorized", "The identity headers do not match.");
        }
        return caller;
    }

    private static boolean matchesForwardedUser(HttpServletRequest request, Caller caller) {
        String forwarded = request.getHeader(USER_ID_HEADER);
        return forwarded == null
                || caller.userId().map(id -> id.toString().equals(forwarded)).orElse(false);
    }
}
