package org.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;

/**
 * A ledger in a real browser: the city bureau's supervisor opens 治重访化积案 from rules over the demo
 * city's petitions, exports it to Excel, edits a note and adds a bad row, and re-imports it —
 * previewing the changes before applying them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.Clocks.class)
class LedgerBrowserTest {

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
  @DisplayName("a ledger is created from rules, exported to Excel, re-imported with changes")
  void ledgerFromRulesExportedAndReimported() throws Exception {
    driver.get(url("/login?lang=zh-CN"));
    driver.findElement(By.id("username")).sendKeys(DemoData.CITY_SUPERVISOR);
    driver.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
    submit(driver.findElement(By.cssSelector("form button[type=submit]")));

    // the ledgers (the demo's two are there), then a new one from rules
    driver.get(url("/ledgers"));
    assertThat(driver.getPageSource()).contains("治重访化积案").contains("万件化访");
    Browser.screenshot(driver, "ledger-01-list");
    submit(driver.findElement(By.id("new-ledger")));
    driver.findElement(By.id("name")).sendKeys("治重访化积案（浏览器）");
    setValue(driver.findElement(By.id("periodFrom")), "2026-01-01");
    setValue(driver.findElement(By.id("periodTo")), "2026-12-31");
    driver.findElement(By.id("targetRate")).sendKeys("90");
    driver.findElement(By.id("repeat")).click();
    driver.findElement(By.id("backlog")).click();
    driver.findElement(By.id("regionPrefix")).sendKeys("2102");
    Browser.screenshot(driver, "ledger-02-new");
    submit(driver.findElement(By.cssSelector("#ledger-form button[type=submit]")));
    assertThat(driver.findElements(By.cssSelector(".problem"))).isEmpty();
    String ledgerUrl = driver.getCurrentUrl();
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("治重访化积案（浏览器）");
    int cases = driver.findElements(By.cssSelector("#cases tbody tr")).size();
    assertThat(cases).isGreaterThanOrEqualTo(3);
    Browser.screenshot(driver, "ledger-03-ledger");

    // exported to Excel; a note changed and an unknown number added
    byte[] xlsx = download(driver.findElement(By.id("export")).getAttribute("href"));
    String number;
    Path edited = Files.createTempFile(profile, "ledger", ".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet s = wb.getSheetAt(0);
      assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("治重访化积案（浏览器）");
      assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo("信访编号");
      assertThat(s.getLastRowNum() - 2).isEqualTo(cases);
      Row first = s.getRow(3);
      number = first.getCell(1).getStringCellValue();
      first.getCell(11).setCellValue("已约谈信访人，制定化解方案");
      Row bad = s.createRow(s.getLastRowNum() + 1);
      bad.createCell(1).setCellValue("大信〔2026〕第99998号");
      try (var out = Files.newOutputStream(edited)) {
        wb.write(out);
      }
    }

    // re-imported: the preview shows the note and the refused row; applied, the note is there
    driver.findElement(By.id("file")).sendKeys(edited.toAbsolutePath().toString());
    submit(driver.findElement(By.cssSelector("#import-form button[type=submit]")));
    assertThat(driver.findElements(By.cssSelector("#import-lines tr[data-outcome=NOTE]")))
        .hasSize(1);
    assertThat(driver.findElements(By.cssSelector("#import-lines tr[data-outcome=REFUSED]")))
        .hasSize(1);
    Browser.screenshot(driver, "ledger-04-import-preview");
    submit(driver.findElement(By.cssSelector("#import-apply button[type=submit]")));
    assertThat(driver.getCurrentUrl()).isEqualTo(ledgerUrl);
    assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("更新备注 1 件");
    WebElement row =
        driver.findElement(By.cssSelector("#cases tbody tr[data-number='" + number + "']"));
    assertThat(row.findElement(By.cssSelector(".note")).getText()).isEqualTo("已约谈信访人，制定化解方案");
    assertThat(driver.findElement(By.id("history")).getText()).contains("导入台账表");
    Browser.screenshot(driver, "ledger-05-imported");
  }

  private static void submit(WebElement button) {
    Browser.submit(driver, button);
  }

  private static void setValue(WebElement input, String value) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
  }

  private static byte[] download(String href) throws Exception {
    Cookie session = driver.manage().getCookieNamed("JSESSIONID");
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + session.getValue())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
    return response.body();
  }
}
