package org.xinfang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every UI text exists in Chinese (the base bundle, zh-CN) and in English ({@code _en}): for every
 * bundle under src/main/resources/messages the two files have the same keys, and no value is blank.
 */
class MessagesCompletenessTest {

  private static final Path MESSAGES = Path.of("src/main/resources/messages");

  @Test
  @DisplayName("every bundle has an English twin with exactly the same keys, none blank")
  void everyTextHasBothLanguages() throws IOException {
    List<Path> bases;
    try (Stream<Path> files = Files.list(MESSAGES)) {
      bases =
          files
              .filter(f -> f.getFileName().toString().endsWith(".properties"))
              .filter(f -> !f.getFileName().toString().contains("_"))
              .sorted()
              .toList();
    }
    assertThat(bases).as("message bundles in " + MESSAGES).isNotEmpty();
    Map<String, String> problems = new TreeMap<>();
    for (Path base : bases) {
      String name = base.getFileName().toString().replace(".properties", "");
      Path english = base.resolveSibling(name + "_en.properties");
      if (!Files.exists(english)) {
        problems.put(name, "has no " + english.getFileName());
        continue;
      }
      Properties zh = load(base);
      Properties en = load(english);
      Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
      onlyZh.removeAll(en.stringPropertyNames());
      Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
      onlyEn.removeAll(zh.stringPropertyNames());
      if (!onlyZh.isEmpty()) {
        problems.put(name + " (no English)", String.join(", ", onlyZh));
      }
      if (!onlyEn.isEmpty()) {
        problems.put(name + " (no Chinese)", String.join(", ", onlyEn));
      }
      Set<String> blank = new TreeSet<>();
      zh.stringPropertyNames().stream()
          .filter(k -> zh.getProperty(k).isBlank())
          .forEach(k -> blank.add(name + ".properties: " + k));
      en.stringPropertyNames().stream()
          .filter(k -> en.getProperty(k).isBlank())
          .forEach(k -> blank.add(name + "_en.properties: " + k));
      if (!blank.isEmpty()) {
        problems.put(name + " (blank)", String.join(", ", blank));
      }
    }
    assertThat(problems).as("untranslated or blank UI texts").isEmpty();
  }

  @Test
  @DisplayName("no stray language files: every *_xx bundle has its base")
  void everyTranslationHasItsBase() throws IOException {
    try (Stream<Path> files = Files.list(MESSAGES)) {
      List<Path> strays =
          files
              .filter(f -> f.getFileName().toString().matches(".+_[a-zA-Z_]+\\.properties"))
              .filter(
                  f ->
                      !Files.exists(
                          f.resolveSibling(
                              f.getFileName()
                                      .toString()
                                      .replaceFirst("_[a-zA-Z_]+\\.properties$", "")
                                  + ".properties")))
              .toList();
      assertThat(strays).isEmpty();
    }
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }
}
