package com.hypertube.gateway.routing;

import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * The framework's filters that the gateway replaces by cheaper ones doing the same work, each under the framework's
 * own bean name (GatewayAutoConfiguration's methods), so nothing else of the framework notices. The definitions are
 * swapped before any bean is made.
 */
final class FrameworkFilterReplacements {

    /** Framework bean name → the class of ours that takes its place. */
    static final Map<String, Class<?>> REPLACEMENTS = Map.of(
            "removeHopByHopHeadersFilter", HopByHopHeaders.class,
            "routeToRequestUrlFilter", RequestUrl.class,
            "routingFilter", ServiceRoutingFilter.class);

    private FrameworkFilterReplacements() {}

    static BeanDefinitionRegistryPostProcessor registryPostProcessor() {
        return registry -> REPLACEMENTS.forEach((name, replacement) -> {
            if (registry.containsBeanDefinition(name)) {
                registry.removeBeanDefinition(name);
                registry.registerBeanDefinition(name, new RootBeanDefinition(replacement));
            }
        });
    }
}
