package com.hypertube.testinfra;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * The one test configuration a service's integration tests import to get a real Postgres and RabbitMQ
 * (see {@link TestServerMode}). Import it the same way in every test of a service so that Spring reuses
 * one context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean
    @ServiceConnection
    @Conditional(OnDocker.class)
    PostgreSQLContainer postgres() {
        return new PostgreSQLContainer("postgres:17-alpine").withDatabaseName("hypertube");
    }

    @Bean
    @ServiceConnection
    @Conditional(OnDocker.class)
    RabbitMQContainer rabbit() {
        return new RabbitMQContainer("rabbitmq:4-management-alpine");
    }

    /** The local servers, or embedded ones: the same servers as {@link ServerAddresses#forThisRun()}'s. */
    @Bean
    @Conditional(OnThisMachine.class)
    DynamicPropertyRegistrar serversOfThisMachine() {
        return registry -> {
            ServerAddresses servers = ServerAddresses.forThisRun();
            registry.add("spring.datasource.url", servers::jdbcUrl);
            registry.add("spring.datasource.username", servers::dbUser);
            registry.add("spring.datasource.password", servers::dbPassword);
            registry.add("spring.rabbitmq.host", servers::rabbitHost);
            registry.add("spring.rabbitmq.port", servers::rabbitPort);
            registry.add("spring.rabbitmq.username", servers::rabbitUser);
            registry.add("spring.rabbitmq.password", servers::rabbitPassword);
            registry.add("spring.rabbitmq.virtual-host", servers::virtualHost);
        };
    }

    static final class OnDocker implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return TestServerMode.current() == TestServerMode.DOCKER;
        }
    }

    static final class OnThisMachine implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return TestServerMode.current() != TestServerMode.DOCKER;
        }
    }
}
