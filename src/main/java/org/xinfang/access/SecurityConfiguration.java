package org.xinfang.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.xinfang.organisation.Role;
import org.xinfang.organisation.Users;

/**
 * Two filter chains: the stateless API under {@code /api/**} (HTTP Basic, no CSRF, problem-detail
 * 401/403), and everything else (pages with a form login at {@code /login}, open health and API
 * docs).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String ADMIN = Role.ADMIN.name();

  @Bean
  static PasswordEncoder passwordEncoder() {
    // {bcrypt} by default; the prefix keeps old hashes readable if the default ever changes.
    // A verified password is remembered (as an HMAC) for 5 minutes so HTTP Basic does not pay
    // bcrypt on every API call.
    return new VerifiedPasswordCache(
        PasswordEncoderFactories.createDelegatingPasswordEncoder(),
        java.time.Duration.ofMinutes(5),
        java.time.Clock.systemUTC());
  }

  @Bean
  UserDetailsService userDetailsService(Users users) {
    return username ->
        users
            .credentials(username)
            .map(
                c ->
                    User.withUsername(c.username())
                        .password(c.passwordHash())
                        .disabled(!c.enabled())
                        .roles(c.roles().stream().map(Role::name).toArray(String[]::new))
                        .build())
            .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    ProblemResponses problems = new ProblemResponses();
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.POST, "/api/calendar/import")
                    .hasRole(ADMIN)
                    .requestMatchers(HttpMethod.GET, "/api/calendar/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/organisations")
                    .hasRole(ADMIN)
                    .requestMatchers("/api/audit/**")
                    .hasAnyRole(ADMIN, "SUPERVISOR")
                    .requestMatchers("/api/users/me")
                    .authenticated()
                    .requestMatchers("/api/users/**")
                    .hasRole(ADMIN)
                    .anyRequest()
                    .authenticated())
        .httpBasic(
            basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/actuator/health/**",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html",
                        "/error",
                        "/login",
                        "/favicon.ico",
                        "/css/**",
                        "/js/**",
                        "/img/**",
                        "/fonts/**",
                        "/portal",
                        "/portal/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; script-src 'self'; style-src 'self';"
                                + " img-src 'self' data:; object-src 'none'; frame-ancestors"
                                + " 'none'; form-action 'self'; base-uri 'self'")));
    return http.build();
  }
}
