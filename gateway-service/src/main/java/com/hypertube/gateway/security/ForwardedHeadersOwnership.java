package com.hypertube.gateway.security;

import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client's forwarding headers ({@code Forwarded}, {@code X-Forwarded-*}) are {@link ClientAddressFilter}'s
 * alone: it drops them from the headers sent on and writes the one it vouches for. The framework registers two
 * header filters of its own for the same purpose whenever its trusted-proxies setting is off
 * (RemoveForwardedHeadersFilter, RemoveXForwardedHeadersFilter), and each copies every header of every request to
 * leave a few out: two copies per proxied request (~5 % of the gateway's CPU samples in a profile of the catalog
 * benchmark; 54-55 KB allocated per browse page with them, 51-52 without), for what one pass over the copy the
 * proxy makes anyway does (RemoveHopByHopHeadersFilter's). Their definitions are removed before any bean is made.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeadersOwnership {

    /** The framework's bean names (GatewayAutoConfiguration's methods); ClientAddressIT checks they are gone. */
    static final List<String> FRAMEWORK_FILTERS =
            List.of("removeForwardedHeadersFilter", "removeXForwardedHeadersFilter");

    // static: a registry post-processor runs before the configuration's own instance could be made.
    @Bean
    static BeanDefinitionRegistryPostProcessor withoutFrameworkForwardedFilters() {
        return registry -> FRAMEWORK_FILTERS.forEach(name -> removeIfPresent(registry, name));
    }

    private static void removeIfPresent(BeanDefinitionRegistry registry, String name) {
        if (registry.containsBeanDefinition(name)) {
            registry.removeBeanDefinition(name);
        }
    }
}
