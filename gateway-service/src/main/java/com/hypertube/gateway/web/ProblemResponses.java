package com.hypertube.gateway.web;

import com.hypertube.contract.ProblemTypeUrns;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the gateway's own answers as problem details, the same shape every service uses. */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    public static Map<String, Object> problem(
            HttpStatus status, String kind, String detail, ServerWebExchange exchange) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypeUrns.of(kind));
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.put("service", "gateway-service");
        problem.put("requestId", RequestId.of(exchange));
        return problem;
    }

    public static Mono<Void> write(ServerWebExchange exchange, Map<String, Object> problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf((Integer) problem.get("status")));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(JSON.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String kind, String detail) {
        return write(exchange, problem(status, kind, detail, exchange));
    }
}
