package org.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;

/**
 * The figures dashboard in a real browser under the pages' Content-Security-Policy: the city
 * supervisor opens /figures for the city, ECharts (from the webjar) draws every chart on a canvas,
 * and a figure drills to its petitions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.Clocks.class)
class FiguresBrowserTest {

  private static ChromeDriver driver;
  private static Path profile;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception {
    Assumptions.assumeTrue(
        Browser.available(), "Debian chromium and chromium-driver not installed");
    profile = Files.createTempDirectory("xinfang-chromium");
    driver = Browser.start(profile);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  @DisplayName("the dashboard draws its charts with ECharts and drills to petitions")
  void dashboardDrawsCharts() {
    driver.get(url("/login?lang=zh-CN"));
    driver.findElement(By.id("username")).sendKeys(DemoData.CITY_SUPERVISOR);
    driver.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
    WebElement button = driver.findElement(By.cssSelector("form button[type=submit]"));
    Browser.submit(driver, button);

    driver.get(
        url(
            "/figures?organisation="
                + DemoData.CITY_GOVERNMENT
                + "&from=2026-01-01&to=2026-11-27"));
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(ExpectedConditions.attributeToBe(By.id("charts"), "data-drawn", "true"));
    for (String id :
        List.of(
            "chart-trend",
            "chart-channel",
            "chart-category",
            "chart-overdue",
            "chart-regions",
            "chart-levels")) {
      List<WebElement> canvas = driver.findElements(By.cssSelector("#" + id + " canvas"));
      assertThat(canvas).as(id).isNotEmpty();
      assertThat(canvas.get(0).getSize().getHeight()).as(id).isGreaterThan(100);
    }
    Object painted =
        ((JavascriptExecutor) driver)
            .executeScript(
                "var c = document.querySelector('#chart-trend canvas');"
                    + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + " for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) return true; }"
                    + " return false;");
    assertThat(painted).isEqualTo(true);
    assertThat(driver.findElement(By.id("charts-status")).getText()).isEmpty();
    Browser.screenshot(driver, "figures-01-dashboard");
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById('charts-h').scrollIntoView();");
    Browser.screenshot(driver, "figures-02-charts");

    driver.findElement(By.cssSelector("#figure-volumeBatches td a")).click();
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.urlContains("/figures/volumeBatches/petitions"));
    assertThat(driver.getPageSource()).contains("信访批次");
  }
}
