package com.frontline.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo workspace's assistant (offline answerer, no AI provider) in the playground and in the website widget, on
 * a laptop and on a phone: the answer arrives in several steps as a model's would, a greeting is greeted back (no
 * fallback, no offer of a person), and a follow-up that names nothing ("and how long does that take?", after a
 * "thanks!") is answered from the document the conversation is about.
 */
class StreamingE2E extends E2ETest {

    /**
     * Counts, per answer id, the times the text of the answer's bubble grew while it was streaming (before the stored
     * message replaced it). One chunk would count 1.
     */
    static final String COUNT_STREAM_UPDATES = """
            () => {
              if (window.__streamUpdates) return;
              const updates = window.__streamUpdates = {};
              const lengths = {};
              const log = document.querySelector('[data-testid=chat-log]');
              new MutationObserver(() => {
                log.querySelectorAll('li.msg.assistant.streaming').forEach(li => {
                  const text = li.querySelector('.msg-text');
                  const length = text && !text.querySelector('.typing') ? text.textContent.length : 0;
                  if (length > (lengths[li.dataset.id] || 0)) {
                    lengths[li.dataset.id] = length;
                    updates[li.dataset.id] = (updates[li.dataset.id] || 0) + 1;
                  }
                });
              }).observe(log, {childList: true, subtree: true, characterData: true});
            }""";
    static final String FALLBACK = "not sure";

    @ParameterizedTest
    @ValueSource(ints = {1366, 390})
    void thePlaygroundStreamsGreetsBackAndAnswersAFollowUpFromTheRightDocument(int width) {
        BrowserContext wide = Browsers.get().newContext(new Browser.NewContextOptions().setViewportSize(width, 900));
        wide.setDefaultTimeout(20_000);
        Page admin = wide.newPage();
        try {
            new Pages.LoginPage(admin, portal).signIn("admin@acme.test", "frontline-demo");
            awaitDemoKnowledge(admin);
            admin.navigate(portal.url("/w/acme/playground"));
            admin.evaluate("() => document.querySelector('[data-chat]').dataset.old = 'yes'");
            admin.locator("[data-testid=new-conversation]").click();
            admin.waitForFunction("() => { const c = document.querySelector('[data-chat]'); "
                    + "return c && !c.dataset.old && c.chat; }");
            admin.evaluate(COUNT_STREAM_UPDATES);
            Locator log = admin.locator("[data-testid=chat-log]");

            Locator hello = ask(admin.mainFrame(), log, "Hi");
            assertThat(hello.locator(".msg-text")).hasText(Pattern.compile("^Hi there! How can I help you today\\?$"));
            assertThat(hello).not().containsText(FALLBACK);
            assertThat(hello.locator("[data-testid=handoff-offer]")).hasCount(0);
            assertThat(hello.locator(".badge")).hasCount(0); // no confidence for "Hi"
            assertStreamedInSteps(admin.mainFrame(), hello);
            assertThat(admin.locator("[data-testid=retrieval]")).containsText("Small talk: answered in kind");
            Browsers.screenshot(admin, "streaming-playground-" + width + "-greeting");

            Locator shipping = ask(admin.mainFrame(), log, "Do you ship to Germany?", admin,
                    "streaming-playground-" + width + "-mid-stream");
            assertThat(shipping.locator(".citation-title").first()).containsText("Shipping and delivery");
            assertStreamedInSteps(admin.mainFrame(), shipping);

            // thanks in between: the follow-up still refers to the shipping question, not to the thanks
            Locator thanks = ask(admin.mainFrame(), log, "thanks!");
            assertThat(thanks.locator(".msg-text")).hasText("You're welcome! Is there anything else I can help you with?");

            Locator followUp = ask(admin.mainFrame(), log, "and how long does that take?");
            String searched = admin.locator("[data-retrieval-query]").textContent();
            System.out.println("Follow-up at " + width + " px: " + searched + " → " + followUp.innerText());
            assertThat(followUp).not().containsText(FALLBACK);
            assertThat(followUp.locator(".citation-title").first()).containsText("Shipping and delivery");
            assertThat(followUp.locator(".msg-text")).containsText("working days");
            assertStreamedInSteps(admin.mainFrame(), followUp);
            Browsers.screenshot(admin, "streaming-playground-" + width + "-follow-up");
        } finally {
            wide.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1366, 390})
    void theWidgetStreamsAndGreetsBack(int width) {
        BrowserContext wide = Browsers.get().newContext(new Browser.NewContextOptions().setViewportSize(width, 900));
        wide.setDefaultTimeout(20_000);
        Page admin = wide.newPage();
        try {
            new Pages.LoginPage(admin, portal).signIn("admin@acme.test", "frontline-demo");
            awaitDemoKnowledge(admin);
            admin.navigate(portal.url("/w/acme/settings/widget"));
            // the admin's preview: the real widget, as visitors get it, on a sample page
            Page visitor = wide.waitForPage(() -> admin.locator("[data-testid=widget-preview]").click());
            visitor.locator("[data-testid=widget-launcher]").click();
            FrameLocator chat = visitor.frameLocator("[data-frontline-widget] iframe");
            assertThat(chat.locator("[data-testid=chat-input]")).isVisible();
            Frame frame = widgetFrame(visitor);
            frame.waitForFunction("() => document.querySelector('[data-chat]').chat");
            frame.evaluate(COUNT_STREAM_UPDATES);
            Locator log = chat.locator("[data-testid=chat-log]");

            Locator hello = ask(frame, log, "hello there");
            assertThat(hello.locator(".msg-text")).hasText("Hi there! How can I help you today?");
            assertThat(hello).not().containsText(FALLBACK);
            assertThat(hello.locator("[data-testid=handoff-offer]")).hasCount(0);
            assertThat(hello.locator("button[aria-label=Helpful]")).hasCount(0); // nothing to rate
            assertStreamedInSteps(frame, hello);
            Browsers.screenshot(visitor, "streaming-widget-" + width + "-greeting");

            Locator returns = ask(frame, log, "How do I return an item?", visitor,
                    "streaming-widget-" + width + "-mid-stream");
            assertThat(returns.locator(".citation-title").first()).containsText("Returns and refunds");
            assertThat(returns.locator("button[aria-label=Helpful]")).isVisible();
            assertStreamedInSteps(frame, returns);

            Locator thanks = ask(frame, log, "ok thanks, bye");
            assertThat(thanks.locator(".msg-text")).hasText("You're welcome! Have a great day.");
            assertThat(thanks.locator("[data-testid=handoff-offer]")).hasCount(0);
            Browsers.screenshot(visitor, "streaming-widget-" + width + "-thanks");
        } finally {
            wide.close();
        }
    }

    // ---- steps -------------------------------------------------------------------------------------------------

    /** The demo's five documents are seeded when the portal starts; they take a moment to be indexed. */
    private static void awaitDemoKnowledge(Page admin) {
        admin.navigate(Portal.get().url("/w/acme/knowledge"));
        for (String title : new String[]{"Shipping and delivery", "Returns and refunds"}) {
            awaitIndexed(admin, title);
        }
    }

    private static Frame widgetFrame(Page visitor) {
        visitor.waitForCondition(() -> visitor.frames().stream().anyMatch(f -> f.url().contains("/widget/frame")));
        return visitor.frames().stream().filter(f -> f.url().contains("/widget/frame")).findFirst().orElseThrow();
    }

    private static Locator ask(Frame frame, Locator log, String question) {
        return ask(frame, log, question, null, null);
    }

    /**
     * Sends a question and returns the stored answer. With a screenshot name, the page is photographed as soon as
     * the first words of the answer show, while the rest is still arriving.
     */
    private static Locator ask(Frame frame, Locator log, String question, Page page, String midStream) {
        Locator answers = log.locator("[data-testid=msg-assistant]");
        int before = answers.count();
        frame.fill("[data-testid=chat-input]", question);
        frame.locator("[data-testid=chat-send]").click();
        if (midStream != null) {
            frame.waitForFunction("() => [...document.querySelectorAll('li.msg.assistant.streaming .msg-text')]"
                    + ".some(t => !t.querySelector('.typing') && t.textContent.length > 0)", null,
                    new Frame.WaitForFunctionOptions().setPollingInterval(5).setTimeout(30_000));
            Browsers.screenshot(page, midStream);
            boolean stillStreaming = (boolean) frame.evaluate(
                    "() => document.querySelector('li.msg.assistant.streaming') != null");
            System.out.println(midStream + ": still streaming after the screenshot: " + stillStreaming);
        }
        assertThat(answers).hasCount(before + 1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        return answers.last();
    }

    /** The answer's bubble grew several times before the stored answer replaced it. */
    private static void assertStreamedInSteps(Frame frame, Locator answer) {
        String id = answer.getAttribute("data-id");
        Object updates = frame.evaluate("id => window.__streamUpdates[id] || 0", id);
        assertThat(((Number) updates).intValue()).as("text updates of answer " + id + " while streaming")
                .isGreaterThan(1);
    }
}
