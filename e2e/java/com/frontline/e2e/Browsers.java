package com.frontline.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium: the system's (property {@code e2e.chromium}, default /usr/bin/chromium) when present, else
 * the browser Playwright downloads itself. One per test JVM.
 */
final class Browsers {

    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {
    }

    static synchronized Browser get() {
        if (browser == null) {
            Path system = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
            boolean useSystem = Files.isExecutable(system);
            playwright = useSystem
                    ? Playwright.create(new Playwright.CreateOptions()
                            .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))
                    : Playwright.create();
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"));
            if (useSystem) {
                options.setExecutablePath(system);
            }
            browser = playwright.chromium().launch(options);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /** Saves a full-page screenshot under target/screenshots for a person to look at. */
    static void screenshot(Page page, String name) {
        Path dir = Path.of(System.getProperty("e2e.screenshots", "target/screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
    }
}
