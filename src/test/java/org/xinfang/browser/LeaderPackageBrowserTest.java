package org.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;

/**
 * A leader takes charge of a petition in a real browser (领导包案): the city leader opens the take
 * form, names the organs, plans a step for 人社局, reports progress; the package page shows the plan,
 * the report and the history. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.Clocks.class)
class LeaderPackageBrowserTest {

  private static ChromeDriver driver;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception {
    Assumptions.assumeTrue(
        Browser.available(), "Debian chromium and chromium-driver not installed");
    driver = Browser.start(Files.createTempDirectory("xinfang-chromium"));
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

  /** A letter registered at 大连市信访局 and forwarded to 人社局, through the API as the admin. */
  private String forwardedLetter() throws Exception {
    String body =
        """
        {"channel":"LETTER","receivedOn":"2026-11-20","receivedBy":"dl-xfj",
         "petitioners":[{"name":"刘建国","phone":"13911112222","address":"大连市中山区友好街9号"}],
         "subject":"拖欠工程款","facts":"某工程公司拖欠工程款两年。","request":"支付工程款。"}
        """;
    String created = post("/api/petitions", body);
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created);
    assertThat(m.find()).as(created).isTrue();
    String id = m.group(1);
    post("/api/petitions/" + id + "/forward", "{\"on\":\"2026-11-21\",\"to\":\"dl-rsj\"}");
    return id;
  }

  private String post(String path, String json) throws Exception {
    String auth =
        Base64.getEncoder()
            .encodeToString(
                (IntegrationTest.ADMIN + ":" + IntegrationTest.ADMIN_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", "Basic " + auth)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    return r.body();
  }

  @Test
  @DisplayName("条例 Art. 7 领导包案: a leader takes a package, plans a step and reports progress")
  void leaderTakesAPackageAndReportsProgress() throws Exception {
    String petition = forwardedLetter();

    driver.get(url("/login?lang=zh-CN"));
    driver.findElement(By.id("username")).sendKeys(DemoData.CITY_LEADER);
    driver.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
    submit(driver.findElement(By.cssSelector("form button[type=submit]")));
    assertThat(driver.getCurrentUrl()).doesNotContain("/login");

    // from the nav to the leader's page, then the take form
    submit(driver.findElement(By.linkText("领导包案")));
    submit(driver.findElement(By.id("take-package")));
    driver.findElement(By.id("title")).sendKeys("刘建国工程款包案");
    WebElement ids = driver.findElement(By.id("petitionIds"));
    ids.clear();
    ids.sendKeys(petition);
    new Select(driver.findElement(By.id("receivingOrg"))).selectByValue("dl-xfj");
    new Select(driver.findElement(By.id("handlingOrg"))).selectByValue("dl-rsj");
    submit(driver.findElement(By.cssSelector("#take-form button[type=submit]")));
    assertThat(driver.findElement(By.id("package-status")).getText()).isEqualTo("办理中");
    assertThat(driver.findElement(By.id("package-petitions")).getText())
        .contains("拖欠工程款")
        .contains("刘*")
        .doesNotContain("刘建国");

    // a step for 人社局, due next week
    driver.findElement(By.id("step-title")).sendKeys("约谈工程公司，核实欠款");
    new Select(driver.findElement(By.id("step-owedBy"))).selectByValue("dl-rsj");
    setValue(driver.findElement(By.id("step-due")), "2026-12-04");
    submit(driver.findElement(By.cssSelector("#step-form button[type=submit]")));
    assertThat(driver.findElement(By.id("plan")).getText()).contains("约谈工程公司，核实欠款");

    // progress
    driver.findElement(By.id("report-text")).sendKeys("已召集人社局、住建局会商，工程公司承诺分期支付。");
    submit(driver.findElement(By.cssSelector("#report-form button[type=submit]")));
    assertThat(driver.findElement(By.id("reports")).getText()).contains("工程公司承诺分期支付");
    assertThat(driver.findElement(By.id("package-history")).getText())
        .contains("包案")
        .contains("制定步骤")
        .contains("报告进展")
        .contains("条例 Art. 7");
    Browser.screenshot(driver, "08-leader-package");

    // back on the leader's page, the package is listed with its next step
    driver.get(url("/leadership"));
    assertThat(driver.findElement(By.id("my-packages")).getText())
        .contains("刘建国工程款包案")
        .contains("约谈工程公司，核实欠款");
  }

  private static void submit(WebElement button) {
    Browser.submit(driver, button);
  }

  private static void setValue(WebElement input, String value) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
  }
}
