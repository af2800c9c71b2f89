package org.anjian.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.security.AnjianUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Two doors. {@code /api/**} is stateless: bearer tokens, no session, no CSRF, errors as problem
 * details. Everything else is pages: form sign-in, a session kept in the database, CSRF on every
 * form. Which role may do what is declared next to each operation ({@code @PreAuthorize}) in the
 * module that owns it; one rule here keeps the auditor read-only everywhere ({@link AuditorReadOnly}).
 * Refusals, downloads and imports are audited in both chains ({@link AccessAudit}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    /** Paths anyone may read: sign-in, static assets, health, API docs, and public disclosures. */
    static final String[] PUBLIC_PAGES = {"/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/public/**"};

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id for new hashes; the delegating encoder still reads bcrypt and others after a migration
        Map<String, PasswordEncoder> encoders = new java.util.HashMap<>();
        DelegatingPasswordEncoder defaults = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder());
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("argon2", encoders);
        encoder.setDefaultPasswordEncoderForMatches(defaults);
        return encoder;
    }

    @Bean
    AuthenticationManager authenticationManager(LockingAuthenticationProvider provider) {
        ProviderManager manager = new ProviderManager(provider);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, ProblemResponses problems, AuditTrail audit,
                           @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                           org.springframework.beans.factory.ObjectProvider<org.springframework.web.servlet.HandlerMapping> handlers,
                           org.springframework.context.MessageSource messages) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/api/v1/public/**", "/api/v1/credit-records/feed.json", "/api/v1/credit-records/feed.csv").permitAll()
                        .requestMatchers(AuditorReadOnly.WRITES).access(AuditorReadOnly.NOT_AUDITOR_ONLY)
                        .anyRequest().authenticated())
                .addFilterBefore(new AccessAudit(audit), ExceptionTranslationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(res, 401, "identity.unauthenticated", "需要登录或有效的访问令牌 (authentication required)"))
                        .accessDeniedHandler((req, res, ex) -> {
                            if (AuditorReadOnly.refusedByRule(req, org.springframework.security.core.context.SecurityContextHolder.getContext()
                                    .getAuthentication())) {
                                problems.write(res, 403, AuditorReadOnly.reason(req, handlers.getObject(), messages), "审计员只能查看 (auditors read only)");
                            } else {
                                problems.write(res, 403, "identity.forbidden", "无权执行此操作 (forbidden)");
                            }
                        }));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuditTrail audit) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers(AuditorReadOnly.WRITES).access(AuditorReadOnly.NOT_AUDITOR_ONLY)
                        .anyRequest().authenticated())
                .addFilterBefore(new AccessAudit(audit), ExceptionTranslationFilter.class)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failureHandler()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").addLogoutHandler(auditLogout(audit)))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                + "connect-src 'self'; frame-ancestors 'self'; form-action 'self'")));
        return http.build();
    }

    /** Sends the reason back to the sign-in page without saying whether the user exists. */
    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String target = exception instanceof AccountLockedException locked
                    ? "/login?locked=" + locked.lockedUntil().getEpochSecond()
                    : exception instanceof org.springframework.security.authentication.DisabledException ? "/login?disabled" : "/login?error";
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    private static LogoutHandler auditLogout(AuditTrail audit) {
        return (request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof AnjianUser user) {
                audit.recordAs(user.getUsername(), user.id(), "LOGOUT", "user", user.id(), null, null);
            }
        };
    }

    /** Writes a problem-details body where no controller runs (the security filters). */
    @org.springframework.stereotype.Component
    static class ProblemResponses {
        void write(HttpServletResponse res, int status, String reason, String detail) throws java.io.IOException {
            res.setStatus(status);
            res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            res.setCharacterEncoding(StandardCharsets.UTF_8.name());
            res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + (status == 401 ? "Unauthorized" : "Forbidden")
                    + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"reason\":\"" + reason + "\"}");
        }
    }
}
