package io.crossdesk.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.systemtest.GatewayClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The wallboard in a real browser (Debian's chromium, headless, driven through chromedriver),
 * through the gateway: a supervisor signs in with a token, reads today's figures as the API states
 * them, and watches them change when a ticket arrives, without reloading the page.
 *
 * <p>Without chromium and chromedriver the test is skipped, unless CROSSDESK_BROWSER_TESTS is
 * {@code required} (as .ci/run sets it after installing both), when their absence fails it.
 */
@ExtendWith(SharedSystem.class)
class WallboardBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static ChromeDriver browser;

  @BeforeAll
  static void openBrowser() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!"required".equals(System.getenv("CROSSDESK_BROWSER_TESTS"))) {
      Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
    }
    assertThat(installed).as("chromium and chromium-driver are installed").isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory("wallboard-chromium"),
        "--window-size=1920,1080",
        "--lang=en-US");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void a_supervisor_signs_in_sees_todays_figures_and_they_change_live_when_a_ticket_arrives() {
    GatewayClient gateway = SharedSystem.gateway();
    Desk desk = new Desk(gateway);
    String customer = desk.registerCustomer("Wallboard Trading", "ENTERPRISE", "A");
    desk.openTicket(customer, "NETWORK", "Line down at the warehouse", null);
    String supervisor = gateway.token("{\"sub\":\"sv-wall\",\"roles\":[\"SUPERVISOR\"]}");
    long openedBefore =
        awaitBoard(gateway, supervisor, board -> board.path("figures").path("opened").asLong() >= 1)
            .path("figures")
            .path("opened")
            .asLong();

    browser.get(SharedSystem.system().gatewayUrl() + "/wallboard/?lang=en-US");
    WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
    WebElement tokenField = wait.until(driver -> visible(By.id("token")));
    assertThat(browser.findElement(By.cssSelector("h1")).getText())
        .contains("Service desk wallboard");
    tokenField.sendKeys(supervisor.substring("Bearer ".length()));
    browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();

    // Today's figures as the API states them, and the stream live.
    wait.until(driver -> visible(By.id("board")) != null);
    wait.until(driver -> "live".equals(attribute("live", "data-state")));
    wait.until(driver -> figure("t-opened") >= openedBefore);
    JsonNode board = get(gateway, supervisor);
    wait.until(
        driver ->
            figure("t-opened") == get(gateway, supervisor).path("figures").path("opened").asLong());
    // The backlog is copied every 10 s: the open tickets and their deadlines follow.
    wait.until(driver -> figure("t-backlog") >= 1);
    wait.until(driver -> !browser.findElements(By.cssSelector("#due tr")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("#department-chart canvas"))).isNotEmpty();
    assertThat(board.path("byDepartment").path("days").size()).isEqualTo(14);

    // A new ticket shows without a reload: the page keeps a mark set before it arrives.
    ((JavascriptExecutor) browser).executeScript("window.wallboardMark = 'before';");
    long shown = figure("t-opened");
    desk.openTicket(customer, "NETWORK", "Second line down", null);
    wait.until(driver -> figure("t-opened") >= shown + 1);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.wallboardMark;"))
        .isEqualTo("before");
    wait.until(
        driver ->
            figure("t-opened") == get(gateway, supervisor).path("figures").path("opened").asLong());
    screenshot("wallboard-en-US.png");

    // The same board in Chinese.
    browser.findElement(By.id("language")).click();
    wait.until(driver -> browser.findElement(By.cssSelector("h1")).getText().contains("客服监控大屏"));
    assertThat(browser.findElement(By.cssSelector("#due")).findElement(By.xpath("..")).getText())
        .contains("剩余时间");
    screenshot("wallboard-zh-CN.png");

    // A laptop's window: the same figures, in two columns.
    browser.manage().window().setSize(new Dimension(1280, 800));
    wait.until(driver -> figure("t-opened") >= shown + 1);
    screenshot("wallboard-laptop-zh-CN.png");
  }

  private static JsonNode get(GatewayClient gateway, String token) {
    Response answer = gateway.get("/api/analytics/wallboard", token);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("board");
  }

  private static JsonNode awaitBoard(
      GatewayClient gateway, String token, java.util.function.Predicate<JsonNode> ready) {
    await().atMost(PATIENCE).until(() -> ready.test(get(gateway, token)));
    return get(gateway, token);
  }

  private static WebElement visible(By by) {
    WebElement element = browser.findElement(by);
    return element.isDisplayed() ? element : null;
  }

  private static String attribute(String id, String name) {
    return browser.findElement(By.id(id)).getDomAttribute(name);
  }

  /** A figure as the page holds it (data-value), -1 while it shows none. */
  private static long figure(String id) {
    String value = attribute(id, "data-value");
    return value == null || value.isEmpty() ? -1 : Long.parseLong(value);
  }

  private static void screenshot(String name) {
    Path taken = browser.getScreenshotAs(OutputType.FILE).toPath();
    try {
      Files.copy(taken, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
