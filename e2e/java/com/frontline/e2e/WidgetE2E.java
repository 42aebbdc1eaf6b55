package com.frontline.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company puts the chat widget on its website (another origin than the portal), and a visitor there asks a
 * question the knowledge answers, then one it cannot answer, and asks for a person.
 */
class WidgetE2E extends E2ETest {

    static final String BRAND = "#0f766e";
    static final String FALLBACK = "I'm not sure about that one.";

    private HttpServer site;
    private BrowserContext visitorContext;

    @AfterEach
    void stopSite() {
        if (visitorContext != null) {
            visitorContext.close();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void aVisitorOnTheCompanysWebsiteGetsAnswersAndAsksForAPerson() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String siteOrigin = "http://127.0.0.1:" + site.getAddress().getPort();
        String slug = unique("harbor");

        String snippet = createWorkspaceWithWidget(slug, siteOrigin);
        uploadDocument(slug, "returns-policy.pdf", "Returns policy",
                "You can return any item within 30 days of delivery for a full refund.");
        serveWebsite(snippet);
        previewFromSettings(slug);

        Page visitor = visitorPage(1280, 800);
        visitor.navigate(siteOrigin + "/");
        // the page's own aggressive styles do not reach the widget, which wears the brand colour
        assertThat(launcher(visitor)).isVisible();
        assertThat(launcher(visitor)).hasCSS("background-color", "rgb(15, 118, 110)");
        Browsers.screenshot(visitor, "widget-desktop-closed");

        FrameLocator chat = openWidget(visitor);
        assertThat(chat.locator("[data-testid=widget-assistant]")).hasText(Pattern.compile("Assistant"));
        assertThat(chat.locator(".msg.greeting")).containsText("How can I help you today?");

        Locator answer = ask(chat, "How many days do I have to return an item for a refund?");
        assertThat(answer.locator(".msg-text")).containsText("30 days");
        assertThat(answer.locator(".citation-title").first())
                .hasText(Pattern.compile("returns policy", Pattern.CASE_INSENSITIVE));
        assertThat(answer.locator("button[aria-label=Helpful]")).isVisible();
        answer.locator("button[aria-label=Helpful]").click();
        assertThat(answer.locator("button[aria-label=Helpful]")).hasAttribute("aria-pressed", "true");
        Browsers.screenshot(visitor, "widget-desktop-answer");

        // text that looks like HTML stays text
        ask(chat, "<b>Is this bold?</b>");
        assertThat(chat.locator("[data-testid=chat-log] b")).hasCount(0);

        // an empty message is refused where the visitor types
        chat.locator("[data-testid=chat-send]").click();
        assertThat(chat.locator("[data-testid=chat-error]")).hasText("Type a message first.");

        Locator fallback = ask(chat, "Can you recommend a good hotel in Reykjavik for the winter?");
        assertThat(fallback.locator(".msg-text")).containsText(FALLBACK);
        fallback.locator("[data-testid=handoff-offer]").click();
        assertThat(chat.locator("[data-testid=widget-status]")).containsText("Waiting for a person");
        assertThat(chat.locator("[data-testid=msg-system]").last()).containsText("asked our team to join");
        assertThat(chat.locator("[data-testid=talk-to-person]")).isHidden();
        Browsers.screenshot(visitor, "widget-desktop-handoff");

        // an agent takes the conversation over in the inbox; the visitor sees the reply live
        agentReplies(slug, "Reykjavik", "Hi, this is Hana! Try the Harbor Hotel, it has a great coffee bar.");
        assertThat(chat.locator("[data-testid=msg-agent]").last()).containsText("Harbor Hotel");
        assertThat(chat.locator("[data-testid=widget-status]")).containsText("is answering");
        Browsers.screenshot(visitor, "widget-desktop-agent-reply");

        // Escape closes the panel; the visitor's conversation is still there after a reload
        chat.locator("[data-testid=chat-input]").press("Escape");
        assertThat(launcher(visitor)).hasAttribute("aria-expanded", "false");
        visitor.reload();
        chat = openWidget(visitor);
        assertThat(chat.locator("[data-testid=msg-customer]").first())
                .hasText("How many days do I have to return an item for a refund?");
        assertThat(chat.locator("[data-testid=msg-agent]").last()).containsText("Harbor Hotel");

        // on a phone the panel fills the screen and has its own close button
        visitor.setViewportSize(390, 844);
        assertThat(chat.locator("[data-widget-close]")).isVisible();
        Browsers.screenshot(visitor, "widget-mobile");
        chat.locator("[data-widget-close]").click();
        assertThat(launcher(visitor)).isVisible();
        assertThat(visitor.locator("[data-frontline-widget] iframe")).isHidden();
        Browsers.screenshot(visitor, "widget-mobile-closed");
    }

    @Test
    void aWebsiteThatIsNotAllowedShowsNothing() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String allowed = "http://127.0.0.1:" + site.getAddress().getPort();
        String snippet = createWorkspaceWithWidget(unique("closed"), allowed);
        serveWebsite(snippet);

        Page visitor = visitorPage(1280, 800);
        List<String> console = new CopyOnWriteArrayList<>();
        visitor.onConsoleMessage(m -> console.add(m.text()));
        // the same page, but under another origin (localhost instead of 127.0.0.1)
        visitor.navigate("http://localhost:" + site.getAddress().getPort() + "/");
        visitor.waitForCondition(() -> console.stream().anyMatch(m -> m.startsWith("Frontline chat widget: not shown")));
        assertThat(visitor.locator("[data-frontline-widget]")).hasCount(0);
        assertThat(visitor.getByRole(AriaRole.HEADING)).hasText("Harbor Coffee Roasters");
    }

    // ---- steps -------------------------------------------------------------------------------------------------

    /** Signs up a new company, walks the wizard (brand colour, the website's origin) and returns the snippet. */
    private String createWorkspaceWithWidget(String slug, String websiteOrigin) {
        new Pages.SignUpPage(page, portal).signUp("Hana Harbor", slug + "@harbor.example");
        new Pages.WorkspaceStep(page).create("Harbor Coffee", slug, "E-commerce & retail");
        assertThat(page.getByText("Step 2 of 5")).isVisible();
        Pages.continueWizard(page);
        assertThat(page.getByText("Step 3 of 5")).isVisible();
        page.locator("#primaryColor").fill(BRAND);
        Pages.continueWizard(page);
        assertThat(page.getByText("Step 4 of 5")).isVisible();
        page.locator("textarea[name=origins]").fill(websiteOrigin);
        String snippet = page.locator("[data-testid=embed-snippet]").textContent().strip();
        Pages.continueWizard(page);
        assertThat(page.getByText("Step 5 of 5")).isVisible();
        page.locator("[data-testid=finish-setup]").click();
        assertThat(page).hasURL(portal.url("/w/" + slug));
        page.navigate(portal.url("/w/" + slug + "/settings/widget"));
        assertThat(page.locator("textarea[name=origins]")).hasValue(websiteOrigin);
        return snippet;
    }

    /** The workspace's owner opens the inbox, takes the waiting conversation over and writes to the visitor. */
    private void agentReplies(String slug, String customerWords, String reply) {
        page.navigate(portal.url("/w/" + slug + "/inbox"));
        page.locator("[data-testid=waiting-conversation]").first().click();
        assertThat(page.locator("[data-testid=chat-log]")).containsText(customerWords);
        page.locator("[data-testid=take-over]").click();
        assertThat(page.locator("[data-testid=conversation-status]")).containsText("With");
        page.fill("[data-testid=agent-reply]", reply);
        page.locator("[data-testid=agent-send]").click();
        assertThat(page.locator("[data-testid=chat-log] li.msg.agent").last()).containsText(reply);
        Browsers.screenshot(page, "inbox-widget-conversation");
    }

    /** The admin's preview: the real widget on a sample page of the portal, which is not an allowed website. */
    private void previewFromSettings(String slug) {
        page.navigate(portal.url("/w/" + slug + "/settings/widget"));
        Page preview = context.waitForPage(() -> page.locator("[data-testid=widget-preview]").click());
        FrameLocator chat = openWidget(preview);
        assertThat(chat.locator(".msg.greeting")).containsText("How can I help you today?");
        Browsers.screenshot(preview, "widget-preview");
        preview.close();
    }

    private void uploadDocument(String slug, String fileName, String heading, String body) throws Exception {
        Path pdf = Files.createTempDirectory("kb").resolve(fileName);
        KnowledgeE2E.writePdf(pdf, heading, body);
        page.navigate(portal.url("/w/" + slug + "/knowledge"));
        page.locator("input[type=file][name=files]").setInputFiles(pdf);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();
        String title = heading; // a document is titled by its own first heading once it is read
        awaitIndexed(page, title);
    }

    /** The company's website: a page with its own, unfriendly styles and the embed snippet before </body>. */
    private void serveWebsite(String snippet) {
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Harbor Coffee Roasters</title>
                <style>
                  * { font-family: Georgia, serif !important; }
                  body { margin: 0; background: #fdf6ec; color: #3b2f2f; }
                  header { padding: 1.2rem 2rem; background: #3b2f2f; color: #fdf6ec; font-size: 1.3rem; }
                  main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 2rem; line-height: 1.6; }
                  button, iframe, div:empty { background: #ff0000 !important; border: 4px dashed #000 !important;
                                              border-radius: 0 !important; width: 10px !important; }
                  .beans { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 1rem; }
                  .bean { background: #fff; border: 1px solid #e8dcc8; border-radius: 0.6rem; padding: 1rem; }
                </style></head>
                <body>
                <header>Harbor Coffee</header>
                <main>
                  <h1>Harbor Coffee Roasters</h1>
                  <p>Small-batch coffee, roasted by the sea and delivered to your door.</p>
                  <div class="beans"><div class="bean"><strong>Dockside Blend</strong><br>Chocolate, hazelnut</div>
                    <div class="bean"><strong>Lighthouse Espresso</strong><br>Caramel, cherry</div>
                    <div class="bean"><strong>Fog Decaf</strong><br>Toffee, almond</div></div>
                </main>
                SNIPPET
                </body></html>
                """.replace("SNIPPET", snippet);
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        site.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        site.start();
    }

    private Page visitorPage(int width, int height) {
        visitorContext = Browsers.get().newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        visitorContext.setDefaultTimeout(20_000);
        return visitorContext.newPage();
    }

    private static Locator launcher(Page visitor) {
        return visitor.locator("[data-testid=widget-launcher]"); // Playwright's CSS pierces the open shadow root
    }

    private static FrameLocator openWidget(Page visitor) {
        launcher(visitor).click();
        assertThat(launcher(visitor)).hasAttribute("aria-expanded", "true");
        FrameLocator chat = visitor.frameLocator("[data-frontline-widget] iframe");
        assertThat(chat.locator("[data-testid=chat-input]")).isVisible();
        return chat;
    }

    /** Sends a question and returns the assistant's answer to it, once it is complete (stored, not streaming). */
    private static Locator ask(FrameLocator chat, String question) {
        Locator answers = chat.locator("[data-testid=msg-assistant]");
        int before = answers.count();
        chat.locator("[data-testid=chat-input]").fill(question);
        chat.locator("[data-testid=chat-send]").click();
        assertThat(chat.locator("[data-testid=msg-customer]").last()).hasText(question);
        assertThat(answers).hasCount(before + 1, new com.microsoft.playwright.assertions.LocatorAssertions
                .HasCountOptions().setTimeout(30_000));
        return answers.last();
    }
}
