package com.calcomalt.platform.security;

import com.calcomalt.platform.web.ProblemDetailsErrorController;
import com.calcomalt.platform.web.ProblemResponses;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every {@code /v2} endpoint needs an API key; {@code /v2/admin} needs a system admin's. Health,
 * OpenAPI and Swagger UI stay open, and so does Stripe's signed webhook. Stateless: no sessions, no cookies, so no CSRF either.
 */
@AutoConfiguration(before = org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityAutoConfiguration {

    /** {@code calalt.security.api-key-cache-ttl=0} reads the key lookup on every request. */
    @Bean
    ApiKeyOwnerCache apiKeyOwnerCache(JdbcTemplate jdbc, DataSource dataSource,
                                      @Value("${calalt.security.api-key-cache-ttl:5s}") Duration timeToLive) {
        return new ApiKeyOwnerCache(new ApiKeyOwners(jdbc), dataSource, jdbc, timeToLive);
    }

    @Bean
    ApiKeyAuthenticationFilter apiKeyAuthenticationFilter(ApiKeyOwnerCache owners, ProblemResponses problems) {
        return new ApiKeyAuthenticationFilter(owners, problems);
    }

    /**
     * What Spring Security's firewall refuses (a raw {@code ..} segment, an encoded slash, period or
     * percent, control characters in a header) as a problem detail. Its message is not repeated:
     * some of them quote the request. The firewall also sees the dispatch to {@code /error} of what
     * Tomcat refused (a TRACE): that keeps Tomcat's answer.
     */
    @Bean
    RequestRejectedHandler requestRejectedAsProblem(ProblemResponses problems) {
        return (request, response, rejected) -> {
            if (request.getDispatcherType() == DispatcherType.ERROR) {
                problems.write(request, response, ProblemDetailsErrorController.problem(request));
            } else {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "The request URL or a header is not "
                        + "allowed: no '..' or empty segments, no encoded '/', '.', '%' or ';' in the path, "
                        + "no control characters");
            }
        };
    }

    /**
     * No observation of Spring Security's filters: turned off by property, each request still wrapped
     * every filter of the chain in an observing one (3% of GET /v2/me's request thread). Requests
     * are still observed as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings noSpringSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Only inside Spring Security's chain, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyFilterOnlyInSecurityChain(ApiKeyAuthenticationFilter filter) {
        FilterRegistrationBean<ApiKeyAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyAuthenticationFilter apiKeys, ProblemResponses problems)
            throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/error").permitAll()
                        // Stripe proves itself by the Stripe-Signature header, which the endpoint verifies.
                        .requestMatchers(HttpMethod.POST, "/v2/payments/stripe/webhook").permitAll()
                        .requestMatchers("/v2/admin/**", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "Authorization: Bearer <api key> is required"))
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "This needs a system administrator's API key")))
                .build();
    }
}
