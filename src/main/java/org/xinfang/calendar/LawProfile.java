package org.xinfang.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The period rules a deployment applies (LAW.md §7: "Per-rule configurable: unit, roll-forward
 * on/off, length"; provinces differ). The national profile ({@code
 * law-profiles/national.properties}) is the default; {@code xinfang.law.profile=zhejiang} lays a
 * provincial profile over it; single rules are overridden by Spring properties {@code
 * xinfang.law.rules.<key>.length|unit|roll-forward|basis}.
 */
@Component
public class LawProfile {

  static final String NATIONAL = "national";
  private static final String PROFILE_PROPERTY = "xinfang.law.profile";
  private static final String RULES_PROPERTY = "xinfang.law.rules";
  private static final List<String> ATTRIBUTES = List.of("length", "unit", "roll-forward", "basis");

  private final String name;
  private final Map<String, PeriodRule> rules;

  /**
   * The profile chosen by {@code xinfang.law.profile}, with {@code xinfang.law.rules.*} overrides.
   */
  @Autowired
  public LawProfile(Environment environment) {
    this(
        environment.getProperty(PROFILE_PROPERTY, NATIONAL),
        Binder.get(environment)
            .bind(RULES_PROPERTY, Bindable.mapOf(String.class, RuleOverride.class))
            .orElse(Map.of()));
  }

  LawProfile(String profile, Map<String, RuleOverride> overrides) {
    this.name =
        profile == null || profile.isBlank() ? NATIONAL : profile.strip().toLowerCase(Locale.ROOT);
    Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
    read(NATIONAL, attributes);
    if (!name.equals(NATIONAL)) {
      read(name, attributes);
    }
    overrides.forEach((key, override) -> override.applyTo(rule(attributes, key)));
    Map<String, PeriodRule> built = new LinkedHashMap<>();
    attributes.forEach((key, rule) -> built.put(key, build(key, rule)));
    this.rules = java.util.Collections.unmodifiableMap(built);
  }

  /**
   * A profile by name, without Spring and without overrides: {@code national} or {@code zhejiang}.
   */
  public static LawProfile of(String profile) {
    return new LawProfile(profile, Map.of());
  }

  /**
   * The rule named {@code key}, e.g. {@code "conclude"}.
   *
   * @throws IllegalArgumentException if the profile has no such rule
   */
  public PeriodRule rule(String key) {
    PeriodRule rule = rules.get(key);
    if (rule == null) {
      throw new IllegalArgumentException(
          "No period rule '" + key + "' in the " + name + " law profile; known: " + rules.keySet());
    }
    return rule;
  }

  /** The profile's name: {@code national} or a province, e.g. {@code zhejiang}. */
  public String name() {
    return name;
  }

  /** All rules, in the order the national profile lists them. */
  public List<PeriodRule> rules() {
    return List.copyOf(rules.values());
  }

  private static Map<String, String> rule(Map<String, Map<String, String>> attributes, String key) {
    return attributes.computeIfAbsent(key, k -> new LinkedHashMap<>());
  }

  /**
   * Reads {@code law-profiles/<profile>.properties} ({@code <rule>.<attribute>=value}), in order.
   */
  private static void read(String profile, Map<String, Map<String, String>> attributes) {
    String resource = "/law-profiles/" + profile + ".properties";
    Map<String, String> ordered = new LinkedHashMap<>();
    Properties properties =
        new Properties() {
          @Override
          public synchronized Object put(Object key, Object value) {
            ordered.put(key.toString(), value.toString().strip());
            return super.put(key, value);
          }
        };
    try (InputStream in = LawProfile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "Unknown law profile '" + profile + "' (" + PROFILE_PROPERTY + "): no " + resource);
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ordered.forEach(
        (property, value) -> {
          int dot = property.lastIndexOf('.');
          if (dot <= 0) {
            throw new IllegalStateException(
                resource + ": expected <rule>.<attribute>: " + property);
          }
          rule(attributes, property.substring(0, dot)).put(property.substring(dot + 1), value);
        });
  }

  private PeriodRule build(String key, Map<String, String> rule) {
    String where = "law profile '" + name + "', rule '" + key + "'";
    for (String attribute : rule.keySet()) {
      if (!ATTRIBUTES.contains(attribute)) {
        throw new IllegalStateException(where + ": unknown attribute '" + attribute + "'");
      }
    }
    for (String required : List.of("length", "unit", "basis")) {
      if (rule.get(required) == null || rule.get(required).isBlank()) {
        throw new IllegalStateException(where + ": '" + required + "' is missing");
      }
    }
    int length;
    try {
      length = Integer.parseInt(rule.get("length"));
    } catch (NumberFormatException e) {
      throw new IllegalStateException(where + ": length is not a number: " + rule.get("length"));
    }
    if (length < WorkingCalendar.MIN_LENGTH || length > WorkingCalendar.MAX_LENGTH) {
      throw new IllegalStateException(
          where
              + ": length must be "
              + WorkingCalendar.MIN_LENGTH
              + ".."
              + WorkingCalendar.MAX_LENGTH
              + ", not "
              + length);
    }
    PeriodUnit unit;
    try {
      unit = PeriodUnit.valueOf(rule.get("unit").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ": unit must be CALENDAR or WORKING");
    }
    String roll = rule.getOrDefault("roll-forward", "true").toLowerCase(Locale.ROOT);
    if (!roll.equals("true") && !roll.equals("false")) {
      throw new IllegalStateException(where + ": roll-forward must be true or false");
    }
    return new PeriodRule(key, length, unit, Boolean.parseBoolean(roll), rule.get("basis"));
  }

  /** One rule's overrides from Spring properties; an absent attribute keeps the profile's value. */
  record RuleOverride(Integer length, PeriodUnit unit, Boolean rollForward, String basis) {

    void applyTo(Map<String, String> rule) {
      if (length != null) {
        rule.put("length", length.toString());
      }
      if (unit != null) {
        rule.put("unit", unit.name());
      }
      if (rollForward != null) {
        rule.put("roll-forward", rollForward.toString());
      }
      if (basis != null) {
        rule.put("basis", basis);
      }
    }
  }
}
