package org.xinfang;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Xinfang: the 《信访工作条例》 (2022) as an executable, tested system. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class XinfangApplication {

  public static void main(String[] args) {
    SpringApplication.run(XinfangApplication.class, args);
  }

  /** Time is injected: China Standard Time, where every period of the 条例 is counted. */
  @Bean
  Clock clock() {
    return Clock.system(ZoneId.of("Asia/Shanghai"));
  }
}
