package org.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.xinfang.support.IntegrationTest;

/**
 * A petition's life in a real browser (Debian's headless Chromium): a clerk registers a letter,
 * forwards it; the handling organ accepts, extends, answers (the opinion printed as PDF and its
 * text checked), delivers; the citizen tracks it on the portal, rates it and requests review; the
 * reviewer answers. Screenshots of the main pages go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.Clocks.class)
class BrowserJourneyTest {

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
  @DisplayName("a letter from registration to review, in the workbench and on the portal")
  void aPetitionsLifeInTheBrowser() throws Exception {
    // the clerk signs in (the bootstrap admin acts for every organisation in this walk)
    driver.get(url("/login?lang=zh-CN"));
    Browser.screenshot(driver, "01-login");
    driver.findElement(By.id("username")).sendKeys(IntegrationTest.ADMIN);
    driver.findElement(By.id("password")).sendKeys(IntegrationTest.ADMIN_PASSWORD);
    submit(driver.findElement(By.cssSelector("form button[type=submit]")));
    assertThat(driver.getCurrentUrl()).doesNotContain("/login");
    Browser.screenshot(driver, "02-my-work");

    // registration desk: a letter to 大连市信访局
    driver.get(url("/register?channel=LETTER"));
    setValue(driver.findElement(By.id("receivedOn")), "2026-11-20");
    new Select(driver.findElement(By.id("receivedBy"))).selectByValue("dl-xfj");
    driver.findElement(By.name("petitioners[0].name")).sendKeys("王秀英");
    driver.findElement(By.name("petitioners[0].phone")).sendKeys("13912345678");
    driver.findElement(By.name("petitioners[0].address")).sendKeys("大连市中山区友好街8号");
    driver.findElement(By.id("subject")).sendKeys("拖欠农民工工资");
    driver.findElement(By.id("facts")).sendKeys("某建筑公司拖欠三个月工资，多次讨要未果。");
    driver.findElement(By.id("request")).sendKeys("请求责令公司支付拖欠的工资。");
    Browser.screenshot(driver, "03-registration-desk");
    submit(visibleSave());
    String number = driver.findElement(By.cssSelector("dd.number")).getText();
    String code = driver.findElement(By.cssSelector("dd.code")).getText();
    assertThat(number).contains("〔2026〕");
    assertThat(code).hasSizeGreaterThanOrEqualTo(8);
    submit(driver.findElement(By.cssSelector("a.button")));
    String petitionUrl = driver.getCurrentUrl();

    // the bureau forwards it to 大连市人社局; the department accepts, extends and answers
    act("forward", List.of(select("to", "dl-rsj")));
    act("accept", List.of(select("category", "GRIEVANCE"), select("pathway", "PETITION_HANDLING")));
    act("extend", List.of(text("days", "30"), text("reason", "需要调取用工合同，情况复杂")));
    act(
        "reply",
        List.of(
            select("outcome", "SUPPORT"),
            text("opinion", "经调查核实，公司确有拖欠，责令其于30日内足额支付。"),
            text("basis", "《保障农民工工资支付条例》第十五条")));
    Browser.screenshot(driver, "04-petition-page");

    // the opinion printed as PDF, its text checked
    WebElement opinionLink =
        driver.findElements(By.cssSelector("#notices tbody tr")).stream()
            .filter(row -> row.getText().contains("处理意见"))
            .map(row -> row.findElement(By.cssSelector("a[href$='.pdf']")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no opinion PDF link on the petition page"));
    String pdfText = pdfText(opinionLink.getAttribute("href"));
    assertThat(pdfText)
        .contains(number)
        .contains("大连市人力资源和社会保障局")
        .contains("保障农民工工资支付条例")
        .contains("复查");

    driver.get(petitionUrl);
    act("deliver", List.of());

    // the citizen follows it on the portal, rates it and asks for review
    driver.manage().deleteAllCookies();
    driver.get(url("/portal?lang=zh-CN"));
    Browser.screenshot(driver, "05-portal-home");
    driver.get(url("/portal/guide"));
    Browser.screenshot(driver, "06-portal-guide");
    driver.get(url("/portal/track"));
    driver.findElement(By.id("number")).sendKeys(number);
    driver.findElement(By.id("code")).sendKeys(code);
    driver.findElement(By.id("phone")).sendKeys("5678");
    submit(driver.findElement(By.cssSelector("main form button[type=submit]")));
    assertThat(driver.getPageSource()).contains(number).contains("请求复查");
    Browser.screenshot(driver, "07-portal-status");
    WebElement rateForm = driver.findElements(By.cssSelector("form.rate")).get(0);
    rateForm.findElement(By.cssSelector("input[value=SATISFIED]")).click();
    submit(rateForm.findElement(By.cssSelector("button[type=submit]")));
    submit(
        driver.findElement(
            By.cssSelector("form[action$='/portal/track/review'] button[type=submit]")));
    assertThat(driver.getPageSource()).contains("复查中");

    // the reviewer answers in the workbench
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys(IntegrationTest.ADMIN);
    driver.findElement(By.id("password")).sendKeys(IntegrationTest.ADMIN_PASSWORD);
    submit(driver.findElement(By.cssSelector("form button[type=submit]")));
    driver.get(petitionUrl);
    act("review", List.of(select("outcome", "UPHOLD"), text("opinion", "经复查，原处理意见事实清楚，予以维持。")));
    assertThat(driver.getPageSource()).contains("已作出复查意见");
    Browser.screenshot(driver, "08-reviewed");
  }

  private record Field(String name, String value, boolean select) {}

  private static Field select(String name, String value) {
    return new Field(name, value, true);
  }

  private static Field text(String name, String value) {
    return new Field(name, value, false);
  }

  /** Opens an act's form on the petition page, fills it and submits it. */
  private void act(String act, List<Field> fields) {
    WebElement details = driver.findElement(By.id("act-" + act));
    if (details.getAttribute("open") == null) {
      details.findElement(By.tagName("summary")).click();
    }
    for (Field f : fields) {
      WebElement input = driver.findElement(By.id("act-" + act + "-" + f.name()));
      if (f.select()) {
        new Select(input).selectByValue(f.value());
      } else {
        input.clear();
        input.sendKeys(f.value());
      }
    }
    submit(details.findElement(By.cssSelector("button[type=submit]")));
    assertThat(driver.findElements(By.cssSelector(".problem, [role=alert].error")))
        .as("no problem shown after " + act)
        .isEmpty();
  }

  /**
   * Clicks what leads to the next page and waits for it, so nothing is read from the page before.
   */
  private static void submit(WebElement button) {
    Browser.submit(driver, button);
  }

  private WebElement visibleSave() {
    return driver.findElement(By.cssSelector("button[name=save]:not(.default-submit)"));
  }

  private static void setValue(WebElement input, String value) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
  }

  /** Downloads a PDF with the browser's session and extracts its text. */
  private static String pdfText(String href) throws Exception {
    Cookie session = driver.manage().getCookieNamed("JSESSIONID");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session.getValue())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      return new PDFTextStripper().getText(pdf);
    }
  }
}
