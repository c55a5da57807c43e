package com.hypertube.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The single public entry of Hypertube: routes to the services, the aggregated API docs, the web UI. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        EventLoops.onePerCore(Runtime.getRuntime().availableProcessors());
        NettyMemoryAccess.unsafeUnlessToldOtherwise();
        SpringApplication.run(GatewayApplication.class, args);
    }
}
