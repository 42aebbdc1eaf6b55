package com.frontline.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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

    /**
     * Waits until the knowledge page shows the document {@code title} as indexed. The page's documents card refreshes
     * itself (KnowledgeE2E and PortalNavigationE2E prove that); in two CI runs out of many it kept showing "Indexing"
     * long after the log said the document was indexed, a stop we have not reproduced. Here the page is reloaded
     * after 30 s without change, and the log says so, so that these tests check what they are about and the CI log
     * keeps the evidence.
     */
    static void awaitIndexed(Page page, String title) {
        Locator badge = page.locator("[data-testid='status-" + title + "']");
        long deadline = System.nanoTime() + (long) (INDEXING_TIMEOUT_MS * 1_000_000);
        while (true) {
            try {
                assertThat(badge).hasText("Indexed", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                String before = badge.textContent();
                page.reload();
                System.out.println("E2E NOTE: the knowledge page showed '" + title + "' as '" + before
                        + "' for 30 s; after a reload it shows '" + badge.textContent() + "'");
            }
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
