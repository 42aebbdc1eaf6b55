package com.frontline.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.UUID;

/** A fresh browser context (no cookies) per test, on the shared portal. */
abstract class E2ETest {

    /**
     * How long a test waits for an uploaded document to be indexed: embedding on a loaded 2-vCPU CI machine has taken
     * over 90 s while other work ran.
     */
    static final double INDEXING_TIMEOUT_MS = 180_000;

    protected final Portal portal = Portal.get();
    protected BrowserContext context;
    protected Page page;

    @BeforeEach
    void openBrowser() {
        context = Browsers.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 860));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    protected Page newPersonPage() {
        BrowserContext other = Browsers.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 860));
        other.setDefaultTimeout(15_000);
        return other.newPage();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
