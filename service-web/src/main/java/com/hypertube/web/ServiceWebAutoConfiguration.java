package com.hypertube.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** Registers the shared web conventions in every servlet service that has this module. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // First of all filters, so that every later log line and error body has the id.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Checks access tokens when {@code hypertube.security.jwks-uri} is set (it is, outside tests). */
    @Bean
    FilterRegistrationBean<AccessTokenFilter> accessTokenFilter(Environment environment) {
        String jwksUri = environment.getProperty("hypertube.security.jwks-uri", "");
        String service = environment.getProperty("spring.application.name", "unknown");
        FilterRegistrationBean<AccessTokenFilter> registration = new FilterRegistrationBean<>(new AccessTokenFilter(
                java.net.URI.create(jwksUri.isBlank() ? "http://127.0.0.1/" : jwksUri),
                environment.getProperty("hypertube.security.issuer", "hypertube"),
                environment.getProperty("hypertube.security.audience", "hypertube"),
                service));
        registration.setEnabled(!jwksUri.isBlank());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    ProblemErrorController problemErrorController(Environment environment) {
        return new ProblemErrorController(environment.getProperty("spring.application.name", "unknown"));
    }
}
