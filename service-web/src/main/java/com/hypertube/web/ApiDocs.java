package com.hypertube.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.net.URI;
import org.springdoc.core.utils.SpringDocUtils;

/** The OpenAPI description every service publishes, pointed at the gateway through which users call it. */
public final class ApiDocs {

    static {
        // A controller's Caller is who is asking (from the token), never a parameter the client sends: without this,
        // every operation that takes one was described with a required "caller" query parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private ApiDocs() {}

    /**
     * @param publicUrl where users reach the API (the gateway), so that "try it out" in the aggregated
     *     Swagger UI calls through the gateway rather than a service's internal address
     */
    public static OpenAPI describe(String title, String description, URI publicUrl) {
        return new OpenAPI()
                .info(new Info().title(title).description(description).version("v1"))
                .addServersItem(new Server().url(publicUrl.toString()).description("Hypertube gateway"));
    }
}
