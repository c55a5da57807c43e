package com.hypertube.streaming.web;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.web.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI streamingApi(StreamingProperties properties) {
        return ApiDocs.describe(
                "Hypertube streaming API",
                "Download jobs, streaming with HTTP Range while downloading, conversion and subtitles.",
                properties.publicUrl());
    }
}
