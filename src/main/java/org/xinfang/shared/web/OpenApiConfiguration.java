package org.xinfang.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs, browsable at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI xinfangOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Xinfang 信访 API")
                .version("1")
                .description(
                    "The petition lifecycle of the 《信访工作条例》 (2022). Errors are RFC 9457"
                        + " problem details; a refusal by the law is 409 with a `rule` naming"
                        + " the rule and its article.")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("xft_…")
                        .description(
                            "A revocable API token from POST /api/tokens (shown once when"
                                + " made).")))
        // either HTTP Basic or a bearer API token
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
