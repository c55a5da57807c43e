package com.hypertube.source.web;

import com.hypertube.source.SourceProperties;
import com.hypertube.web.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI sourceApi(SourceProperties properties) {
        return ApiDocs.describe(
                "Hypertube sources API",
                "Where to get a title: torrents from YTS, EZTV and Torznab, ranked by swarm health.",
                properties.publicUrl());
    }
}
