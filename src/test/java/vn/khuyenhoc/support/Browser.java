package vn.khuyenhoc.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver (no browser download). Without them the browser
 * tests are skipped on a developer's machine; {@code .ci/run} installs them and sets {@code REQUIRE_BROWSER=1},
 * which turns a missing browser into a failure instead.
 */
public final class Browser implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;
    private final Path downloads;
    private final String baseUrl;

    private Browser(String baseUrl, Dimension window) {
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("chromium-profile");
            this.downloads = Files.createDirectories(profile.resolve("downloads"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=vi", "--user-data-dir=" + profile,
                "--window-size=" + window.getWidth() + "," + window.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    /** A desktop-sized window. */
    public static Browser open(int port) {
        return open(port, new Dimension(1280, 900));
    }

    /** A phone-sized window (360 × 740 CSS pixels, a common Android phone). */
    public static Browser openPhone(int port) {
        return open(port, new Dimension(360, 740));
    }

    /** A phone-sized window of this many CSS pixels (390 × 844: a current iPhone). */
    public static Browser openPhone(int port, int width, int height) {
        return open(port, new Dimension(width, height));
    }

    private static Browser open(int port, Dimension window) {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && System.getenv("REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("REQUIRE_BROWSER is set but /usr/bin/chromium or /usr/bin/chromedriver is "
                    + "missing: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "Debian's chromium and chromium-driver are not installed");
        return new Browser("http://localhost:" + port, window);
    }

    public void go(String path) {
        driver.get(baseUrl + path);
    }

    public void logIn(String username, String password) {
        go("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.cssSelector("main h1"));
    }

    public void logOut() {
        WebElement menu = driver.findElement(By.cssSelector(".navbar-toggler"));
        if (menu.isDisplayed()) { // a phone-sized window: the sign-out button is in the collapsed menu
            menu.click();
            waitFor(By.cssSelector(".navbar-collapse.show")); // opened, its animation over
        }
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("form[action$='/logout'] button"))).click();
        waitFor(By.id("username"));
    }

    public void type(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    public void click(By element) {
        WebElement target = driver.findElement(element);
        // instantly: Bootstrap's smooth scrolling would still be moving the element when the click lands
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
                target);
        target.click();
    }

    public WebElement waitFor(By element) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    public String text(By element) {
        return waitFor(element).getText();
    }

    /** The HTTP status of a GET from inside the signed-in browser session. */
    public long statusOf(String path) {
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {redirect: 'manual'}).then(r => done(r.status));", baseUrl + path);
        return ((Number) status).longValue();
    }

    /** Waits for a download to finish and returns the downloaded file. */
    public Path downloaded(String suffix) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
            catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
