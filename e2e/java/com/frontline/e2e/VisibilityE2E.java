package com.frontline.e2e;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An admin uploads a document marked internal: the website widget never quotes it, the playground does, and an
 * agent sees it in the inbox's agent-assist panel next to the visitor's question.
 */
class VisibilityE2E extends E2ETest {

    static final String QUESTION = "What is the staff discount code for employees?";

    @Test
    void anInternalDocumentIsQuotedInThePlaygroundButNeverInTheWidget() throws Exception {
        String file = Files.createTempDirectory("kb").resolve("crew-perks.pdf").toString();
        KnowledgeE2E.writePdf(Path.of(file), "Crew perks",
                "The staff discount code for employees is CREW25: thirty percent off every order.");

        // indexing, the widget and answers run in the background: generous waits on a busy machine
        context.setDefaultTimeout(60_000);
        new Pages.LoginPage(page, portal).signIn("admin@acme.test", "frontline-demo");
        page.navigate(portal.url("/w/acme/knowledge"));
        page.locator("input[type=file][name=files]").setInputFiles(Path.of(file));
        page.locator("[data-testid=upload-internal]").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();
        assertThat(page.locator("[data-testid=upload-results]")).containsText("the website widget never quotes it");
        awaitIndexed(page, "Crew perks");
        assertThat(page.locator("[data-testid='internal-Crew perks']")).hasText("Internal");
        screenshots(page, "visibility-knowledge");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Crew perks")).click();
        assertThat(page.locator("[data-testid=document-internal]")).isVisible();
        assertThat(page.locator("[data-testid=visibility-form] input[value=INTERNAL]")).isChecked();
        screenshots(page, "visibility-document");

        // the widget, as a visitor sees it (the settings' preview runs the real widget)
        page.navigate(portal.url("/w/acme/settings/widget"));
        Page preview = context.waitForPage(() -> page.locator("[data-testid=widget-preview]").click());
        preview.locator("[data-testid=widget-launcher]").click();
        FrameLocator widget = preview.frameLocator("[data-frontline-widget] iframe");
        // the panel has its session once it greets the visitor
        assertThat(widget.locator(".msg.greeting")).isVisible();
        Locator toVisitor = askWidget(widget, QUESTION);
        assertThat(toVisitor).not().containsText("CREW25");
        assertThat(toVisitor.locator(".citation-title").filter(new Locator.FilterOptions().setHasText("Crew perks")))
                .hasCount(0);
        Browsers.screenshot(preview, "visibility-widget");
        widget.locator("[data-testid=talk-to-person]").click();
        assertThat(widget.locator("[data-testid=widget-status]")).containsText("Waiting for a person");
        preview.close();

        // the playground searches as the team
        page.navigate(portal.url("/w/acme/playground"));
        page.evaluate("() => document.querySelector('[data-chat]').dataset.old = 'yes'");
        page.locator("[data-testid=new-conversation]").click();
        page.waitForFunction("() => { const c = document.querySelector('[data-chat]'); return c && !c.dataset.old && c.chat; }");
        page.fill("[data-testid=chat-input]", QUESTION);
        page.locator("[data-testid=chat-send]").click();
        Locator toTeam = page.locator("[data-testid=chat-log] li.msg.assistant:not(.greeting)").last();
        assertThat(toTeam).containsText("CREW25", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(toTeam.locator(".citations")).containsText("Crew perks");
        assertThat(page.locator("[data-testid=retrieval] .badge.internal").first()).hasText("Internal");
        screenshots(page, "visibility-playground");

        // the visitor's conversation waits in the inbox; agent assist shows the internal passage for their question
        page.navigate(portal.url("/w/acme/inbox"));
        // the demo workspace has a waiting conversation of its own: pick the visitor's by its question
        page.navigate(portal.url(page.locator("[data-testid=waiting-conversation]",
                new Page.LocatorOptions().setHasText(QUESTION)).first().getAttribute("href")));
        Locator assist = page.locator("[data-testid=agent-assist]");
        assertThat(assist).containsText("staff discount code", new LocatorAssertions.ContainsTextOptions()
                .setTimeout(60_000));
        assertThat(assist.locator("[data-testid=assist-passage]").first()).containsText("CREW25");
        assertThat(assist.locator(".badge.internal").first()).isVisible();
        assist.locator("[data-testid=assist-query]").fill("thirty percent off");
        assist.locator("[data-testid=assist-query]").press("Enter");
        assertThat(page.locator("[data-testid=agent-assist]")).containsText("Back to the customer");
        screenshots(page, "visibility-agent-assist");
    }

    private static Locator askWidget(FrameLocator widget, String question) {
        Locator answers = widget.locator("[data-testid=msg-assistant]");
        int before = answers.count();
        widget.locator("[data-testid=chat-input]").fill(question);
        widget.locator("[data-testid=chat-send]").click();
        assertThat(widget.locator("[data-testid=msg-customer]").last()).hasText(question);
        assertThat(answers).hasCount(before + 1, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
        return answers.last();
    }

    /** At a laptop's width and a phone's. */
    private static void screenshots(Page page, String name) {
        page.setViewportSize(1366, 860);
        Browsers.screenshot(page, name + "-1366");
        page.setViewportSize(390, 844);
        Browsers.screenshot(page, name + "-390");
        page.setViewportSize(1280, 860);
    }
}
