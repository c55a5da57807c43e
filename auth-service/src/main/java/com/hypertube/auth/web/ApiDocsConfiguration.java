package com.hypertube.auth.web;

import com.hypertube.auth.AuthProperties;
import com.hypertube.web.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI authApi(AuthProperties properties) {
        return ApiDocs.describe(
                "Hypertube auth API", "Accounts, sign-in, tokens and the audit log.", properties.publicUrl());
    }
}
