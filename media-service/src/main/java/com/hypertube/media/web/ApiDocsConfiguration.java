package com.hypertube.media.web;

import com.hypertube.media.MediaProperties;
import com.hypertube.web.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI mediaApi(MediaProperties properties) {
        return ApiDocs.describe(
                "Hypertube media API",
                "The catalog of films and series, comments, and what each user watched.",
                properties.publicUrl());
    }
}
