package com.frontline.e2e;

import com.frontline.llm.AnswerRequest;
import com.frontline.llm.AssistantGateway;
import com.frontline.llm.FakeOpenAiServer;
import com.frontline.llm.Source;
import com.frontline.llm.TokenSink;
import com.frontline.shared.TenantId;
import com.frontline.tenants.Persona;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An admin sets up two providers (one of them broken) against a local fake OpenAI-compatible server, tests the
 * connection, and after some traffic reads the month's usage: calls, failovers, the chart and the routing reasons.
 */
class ProvidersE2E extends E2ETest {

    private String slug;

    @Test
    void anAdminConfiguresProvidersAndSeesUsage() throws Exception {
        try (FakeOpenAiServer fake = new FakeOpenAiServer()) {
            // its own workspace: the demo one stays on the offline answerer for the tests that chat in it
            slug = unique("providers");
            new Pages.SignUpPage(page, portal).signUp("Paula Providers", slug + "@providers.example");
            new Pages.WorkspaceStep(page).create("Providers Lab", slug, "Software & SaaS");
            assertThat(page.getByText("Step 2 of 5")).isVisible();
            page.navigate(portal.url("/w/" + slug + "/knowledge"));
            page.fill("input[name=title]", "Refunds");
            page.fill("textarea[name=text]", "# Refunds\nRefunds are paid back to your card within five working days.");
            page.locator("form[action$='/knowledge/text'] button[type=submit]").click();
            awaitIndexed(page, "Refunds");
            page.navigate(portal.url("/w/" + slug + "/settings/providers"));
            assertThat(page.locator("[data-testid=offline-banner]")).isVisible();
            Browsers.screenshot(page, "providers-offline");

            addProvider("Acme GPU box", fake.baseUrl("ok"), "sk-acme-local-1234567890-K3Y9");
            assertThat(page.locator("[data-testid=masked-key]").first()).hasText("••••K3Y9");
            addProvider("Backup cluster", fake.baseUrl("fail"), "sk-acme-backup-0987654321-B4CK");
            Locator backup = page.locator("[data-testid=provider-row]").filter(new Locator.FilterOptions()
                    .setHasText("Backup cluster"));
            backup.getByLabel("Move up").click();
            assertThat(page.locator("[data-testid=provider-row]").first()).containsText("Backup cluster");

            Locator gpu = page.locator("[data-testid=provider-row]").filter(new Locator.FilterOptions()
                    .setHasText("Acme GPU box"));
            gpu.locator("[data-testid=test-connection]").click();
            assertThat(gpu.locator("[data-testid=test-result]")).containsText("Connected");

            // an expensive cheap model, so that a little traffic reaches the budget
            page.locator("[data-testid=price-form]").getByLabel("Model").fill("gpt-4.1-nano");
            page.locator("[data-testid=price-form]").getByLabel("Input / M tokens").fill("100");
            page.locator("[data-testid=price-form]").getByLabel("Output / M tokens").fill("400");
            page.locator("[data-testid=price-form] button[type=submit]").click();
            assertThat(page.getByText("Price of gpt-4.1-nano saved.")).isVisible();

            traffic();
            page.navigate(portal.url("/w/" + slug + "/settings/providers"));
            assertThat(page.locator("[data-testid=usage]")).containsText("Backup cluster");
            assertThat(page.locator(".usage-row").first()).isVisible();
            assertThat(page.locator("[data-testid=provider-row]").first()).containsText("Circuit open");
            Browsers.screenshot(page, "providers");

            // a failing provider says what happened in plain words, quoting nothing it answered
            backup.locator("[data-testid=test-connection]").click();
            assertThat(backup.locator("[data-testid=test-result]"))
                    .containsText("The provider had a server error (HTTP 500).");
            // an address inside the network is refused on the form, before any call
            page.navigate(portal.url("/w/" + slug + "/settings/providers?kind=OPENAI_COMPATIBLE"));
            Locator form = page.locator("[data-testid=provider-form]");
            form.getByLabel("Name").fill("Metadata");
            form.getByLabel("Base URL").fill("http://[::ffff:169.254.169.254]/v1");
            form.getByLabel("Default model").fill("m");
            form.locator("button[type=submit]").click();
            assertThat(form).containsText("which this portal never calls");
            Browsers.screenshot(page, "providers-refused-address");

            // the playground notes the provider that failed before the answer (the broken one is first in line)
            page.navigate(portal.url("/w/" + slug + "/playground"));
            page.evaluate("() => document.querySelector('[data-chat]').dataset.old = 'yes'");
            page.locator("[data-testid=new-conversation]").click();
            page.waitForFunction("() => { const c = document.querySelector('[data-chat]'); "
                    + "return c && !c.dataset.old && c.chat; }");
            page.fill("[data-testid=chat-input]", "How long do refunds take?");
            page.click("[data-testid=chat-send]");
            Locator note = page.locator("[data-testid=provider-failure]");
            assertThat(note).containsText("OpenAI-compatible endpoint (Backup cluster) failed",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            assertThat(note).containsText("Answered by the next provider, Acme GPU box.");
            assertThat(note.getByText("Check Settings → AI providers")).isVisible();
            Browsers.screenshot(page, "playground-provider-failed");
            page.setViewportSize(390, 844);
            Browsers.screenshot(page, "playground-provider-failed-390");
            page.setViewportSize(1366, 860);
            page.navigate(portal.url("/w/" + slug + "/settings/providers"));

            page.locator("[data-testid=budget]").fill("0.10");
            page.locator("[data-testid=routing-form] button[type=submit]").click();
            assertThat(page.locator("[data-testid=budget-banner]")).isVisible();
            Browsers.screenshot(page, "providers-over-budget");
        }
    }

    private void addProvider(String label, String baseUrl, String key) {
        page.navigate(portal.url("/w/" + slug + "/settings/providers?kind=OPENAI_COMPATIBLE"));
        Locator form = page.locator("[data-testid=provider-form]");
        form.getByLabel("Name").fill(label);
        form.getByLabel("API key").fill(key);
        form.getByLabel("Base URL").fill(baseUrl);
        form.getByLabel("Default model").fill("gpt-4.1-mini");
        form.locator("summary").click();
        form.getByLabel("Simple questions").fill("gpt-4.1-nano");
        form.getByLabel("Complex questions").fill("gpt-4.1");
        form.locator("button[type=submit]").click();
        assertThat(page.locator("[data-testid=provider-list]")).containsText(label);
        assertThat(page.locator("body")).not().containsText(key);
    }

    /** Questions of all kinds through the real gateway, as the chat would send them. */
    private void traffic() {
        AssistantGateway gateway = portal.app.getBean(AssistantGateway.class);
        UUID id = portal.app.getBean(JdbcTemplate.class)
                .queryForObject("select id from tenants.workspaces where slug = ?", UUID.class, slug);
        List<Source> sources = List.of(new Source(1, "Refunds", "Refunds are paid back within five days.", 0.9));
        List<String> questions = List.of("How long do refunds take?", "What are your opening hours?",
                "Why does the API integration fail with an error after our migration, and what should we change?",
                "Can I pay by invoice?", "Do you ship to Norway?", "How do I reset my password?",
                "Why was I charged twice this month, is that a bug in your billing system?", "Thanks!");
        for (String q : questions) {
            gateway.answer(new AnswerRequest(TenantId.of(id), UUID.randomUUID(), Persona.defaultsFor("Providers Lab"),
                    List.of(), q, sources), TokenSink.none());
        }
    }
}
