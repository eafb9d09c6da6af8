package com.calcomalt.platform.web;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.openapitools.jackson.nullable.JsonNullableModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The edge of every process: strict JSON on the web mapper, problem details for every error,
 * whether Spring MVC, the servlet container or Tomcat itself answers.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@Import(ProblemDetailsAdvice.class)
public class WebAutoConfiguration {

    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }

    @Bean
    Module nullElementsRefused() {
        return new NullElementsRefused();
    }

    /** A PATCH field given as null (JsonNullable.of(null)) is told from one left out (undefined). */
    @Bean
    Module jsonNullable() {
        return new JsonNullableModule();
    }

    /** springdoc puts a ModelConverter bean ahead of its own resolver. */
    @Bean
    ApiSchemaNames apiSchemaNames() {
        return new ApiSchemaNames();
    }

    @Bean
    ApiDocument apiDocument() {
        return new ApiDocument();
    }

    @Bean
    ApiOperationIds apiOperationIds() {
        return new ApiOperationIds();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletEdge {

        @Bean
        ProblemResponses problemResponses(ObjectMapper json) {
            return new ProblemResponses(json);
        }

        /** Right after the character encoding filter, before security: nothing else has read the request. */
        @Bean
        FilterRegistrationBean<StorableTextFilter> storableTextFilter(ProblemResponses problems) {
            FilterRegistrationBean<StorableTextFilter> registration =
                    new FilterRegistrationBean<>(new StorableTextFilter(problems));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }

        @Bean
        WebMvcConfigurer calApiVersionCheck() {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(new CalApiVersionCheck());
                }
            };
        }

        @Bean
        CalApiVersionDocs calApiVersionDocs() {
            return new CalApiVersionDocs();
        }

        @Bean
        ProblemDetailsErrorController problemDetailsErrorController() {
            return new ProblemDetailsErrorController();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(StandardHost.class)
    static class TomcatEdge {

        /**
         * Spring Boot puts a plain ErrorReportValve on the host, and the host adds its own class if
         * none of that name is there: ours replaces both.
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemDetailsFromTomcat() {
            return factory -> factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                Pipeline pipeline = host.getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ProblemDetailsErrorReportValve());
                host.setErrorReportValveClass(ProblemDetailsErrorReportValve.class.getName());
            });
        }
    }
}
