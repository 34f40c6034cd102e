package org.xinfang.access;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.xinfang.organisation.Role;
import org.xinfang.organisation.Users;

/**
 * Two filter chains: the stateless API under {@code /api/**} (HTTP Basic or a bearer API token, no
 * CSRF, problem-detail 401/403), and everything else (pages with a form login at {@code /login} and
 * a session, CSRF tokens on forms, open health and API docs). Both sign-ins share the lock-out
 * after repeated failures ({@link GuardedSignIn}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String ADMIN = Role.ADMIN.name();

  /** The id of the hash new passwords get: Argon2id with Spring Security 5.8's parameters. */
  static final String ARGON2 = "argon2";

  static final String BCRYPT = "bcrypt";

  @Bean
  static PasswordEncoder passwordEncoder() {
    // {argon2} (Argon2id, 16 MiB, 2 passes) for new hashes; {bcrypt} hashes of earlier releases
    // stay readable and are re-hashed as {argon2} at the user's next successful sign-in. A
    // verified password is remembered (as an HMAC) for 5 minutes so HTTP Basic does not pay
    // Argon2 on every API call.
    Map<String, PasswordEncoder> encoders = new HashMap<>();
    encoders.put(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
    encoders.put(BCRYPT, new BCryptPasswordEncoder());
    return new VerifiedPasswordCache(
        new DelegatingPasswordEncoder(ARGON2, encoders), Duration.ofMinutes(5), Clock.systemUTC());
  }

  /**
   * Name-and-password sign-in for both chains: the user's stored hash checked (and upgraded to the
   * current algorithm after a match), guarded by the lock-out after repeated failures.
   */
  @Bean
  AuthenticationManager authenticationManager(
      UserDetailsService userDetailsService,
      PasswordEncoder passwordEncoder,
      Users users,
      SignInAttempts attempts) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetailsService);
    passwords.setPasswordEncoder(passwordEncoder);
    passwords.setUserDetailsPasswordService(
        (user, newHash) -> {
          users.upgradePasswordHash(user.getUsername(), user.getPassword(), newHash);
          return User.withUserDetails(user).password(newHash).build();
        });
    return new ProviderManager(new GuardedSignIn(passwords, attempts));
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
  SecurityFilterChain apiSecurity(
      HttpSecurity http, AuthenticationManager authenticationManager, ApiTokens tokens)
      throws Exception {
    ProblemResponses problems = new ProblemResponses();
    http.securityMatcher("/api/**")
        .authenticationManager(authenticationManager)
        .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
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
                    .requestMatchers("/api/users/me", "/api/users/me/**")
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
        .csrf(csrf -> csrf.disable())
        .headers(
            headers ->
                hardened(headers)
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webSecurity(HttpSecurity http, AuthenticationManager authenticationManager)
      throws Exception {
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(
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
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(loginFailure())
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
        // a new session id at sign-in (session fixation); idle timeout and cookie flags are
        // server.servlet.session.* in application.yml; CSRF tokens on every form (the default)
        .sessionManagement(
            sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
        .csrf(Customizer.withDefaults())
        .headers(
            headers ->
                hardened(headers)
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self';"
                                    + " img-src 'self' data:; object-src 'none'; frame-ancestors"
                                    + " 'none'; form-action 'self'; base-uri 'self'")));
    return http.build();
  }

  /** A locked name gets its own message on the sign-in page; every other failure the same one. */
  private static AuthenticationFailureHandler loginFailure() {
    LinkedHashMap<Class<? extends AuthenticationException>, AuthenticationFailureHandler> byType =
        new LinkedHashMap<>();
    byType.put(SignInLocked.class, new SimpleUrlAuthenticationFailureHandler("/login?locked"));
    return new DelegatingAuthenticationFailureHandler(
        byType, new SimpleUrlAuthenticationFailureHandler("/login?error"));
  }

  /** The headers both chains send: no framing, no sniffing, no referrer to other sites. */
  private static HeadersConfigurer<HttpSecurity> hardened(HeadersConfigurer<HttpSecurity> headers) {
    return headers
        .frameOptions(frame -> frame.deny())
        .contentTypeOptions(Customizer.withDefaults())
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
  }
}
