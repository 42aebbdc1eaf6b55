package com.frontline.e2e;

import com.frontline.llm.AnswerRequest;
import com.frontline.llm.AssistantGateway;
import com.frontline.llm.FakeOpenAiServer;
import com.frontline.llm.Source;
import com.frontline.llm.TokenSink;
import com.frontline.shared.TenantId;
import com.frontline.tenants.Persona;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An admin with a (fake) AI provider reads the usage dashboard, sets a tiny budget and an alert threshold, checks the
 * thresholds, sees the alert raised (the sidebar counts it), follows it to its numbers and acknowledges it.
 */
class UsageAlertsE2E extends E2ETest {

    private String slug;

    @Test
    void anAdminReadsUsageSetsAThresholdAndAcknowledgesTheAlertItRaises() throws Exception {
        try (FakeOpenAiServer fake = new FakeOpenAiServer()) {
            slug = unique("usage");
            new Pages.SignUpPage(page, portal).signUp("Uma Usage", slug + "@usage.example");
            new Pages.WorkspaceStep(page).create("Usage Lab", slug, "Software & SaaS");
            assertThat(page.getByText("Step 2 of 5")).isVisible();

            // a provider on the fake server, at a price that makes a little traffic cost something
            page.navigate(portal.url("/w/" + slug + "/settings/providers?kind=OPENAI_COMPATIBLE"));
            Locator form = page.locator("[data-testid=provider-form]");
            form.getByLabel("Name").fill("Acme GPU box");
            form.getByLabel("API key").fill("sk-usage-local-1234567890-U5G3");
            form.getByLabel("Base URL").fill(fake.baseUrl("ok"));
            form.getByLabel("Default model").fill("gpt-4.1-mini");
            form.locator("button[type=submit]").click();
            assertThat(page.locator("[data-testid=provider-list]")).containsText("Acme GPU box");
            page.locator("[data-testid=price-form]").getByLabel("Model").fill("gpt-4.1-mini");
            page.locator("[data-testid=price-form]").getByLabel("Input / M tokens").fill("100");
            page.locator("[data-testid=price-form]").getByLabel("Output / M tokens").fill("400");
            page.locator("[data-testid=price-form] button[type=submit]").click();
            assertThat(page.getByText("Price of gpt-4.1-mini saved.")).isVisible();
            traffic(4);

            // the dashboard, from the sidebar
            page.locator("#sidebar").getByText("Usage and cost").click();
            assertThat(page.locator("[data-testid=usage-calls]")).hasText("4");
            assertThat(page.locator("[data-testid=usage-cost]")).hasText("$0.0960");
            assertThat(page.locator("[data-testid=usage-lines]")).containsText("Acme GPU box");
            assertThat(page.locator("svg.usage-svg rect.ok").first()).isVisible();
            page.setViewportSize(1366, 900);
            Browsers.screenshot(page, "usage-dashboard");
            page.setViewportSize(390, 844);
            Browsers.screenshot(page, "usage-dashboard-390");
            page.setViewportSize(1366, 900);

            // a custom range that ends before it starts is explained next to its field
            page.locator("[data-testid=usage-period]").selectOption("custom");
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            page.locator("[data-testid=usage-from]").fill(today.minusDays(2).toString());
            page.locator("[data-testid=usage-to]").fill(today.minusDays(6).toString());
            page.locator("[data-testid=usage-apply]").click();
            assertThat(page.locator("[data-testid=usage-to-error]"))
                    .hasText("The last day is before the first (" + today.minusDays(2) + ").");
            assertThat(page.locator("[data-testid=usage-filter-error]")).isVisible();

            // a monthly budget the traffic has passed
            page.navigate(portal.url("/w/" + slug + "/settings/providers"));
            page.locator("[data-testid=budget]").fill("0.08");
            page.locator("[data-testid=routing-form] button[type=submit]").click();
            assertThat(page.getByText("Routing rules and budget saved.")).isVisible();

            // the threshold: a bad value first, then a good one
            page.locator("#sidebar").getByText("Alerts").click();
            assertThat(page.locator("[data-testid=no-alerts]")).isVisible();
            page.locator("[data-testid=alert-settings]").click();
            page.locator("[data-testid=cost-percent]").fill("0");
            page.locator("[data-testid=save-alert-settings]").click();
            assertThat(page.locator("[data-testid=alert-settings-form]")).containsText("Use a number from 1 to 1,000.");
            page.locator("[data-testid=cost-percent]").fill("90");
            page.locator("[data-testid=save-alert-settings]").click();
            assertThat(page.getByText("Alert settings saved.")).isVisible();
            assertThat(page.locator("[data-testid=mail-not-configured]")).isVisible();
            Browsers.screenshot(page, "alert-settings");
            page.setViewportSize(390, 844);
            Browsers.screenshot(page, "alert-settings-390");
            page.setViewportSize(1366, 900);

            // checked now: the alert is raised, and the sidebar counts it
            page.locator("[data-testid=check-now]").click();
            assertThat(page.locator("#flash"))
                    .containsText("1 new alert (Spending reached 120 % of the monthly budget)");
            assertThat(page.locator("[data-testid=alerts-badge]")).hasText("1");
            page.locator("[data-testid=nav-alerts]").click();
            Locator alert = page.locator("[data-testid=alert]").first();
            assertThat(alert.locator("[data-testid=alert-title]"))
                    .hasText("Spending reached 120 % of the monthly budget");
            assertThat(alert.locator("[data-testid=alert-figures]")).containsText("Spent this month (USD)");
            assertThat(alert.locator("[data-testid=alert-figures]")).containsText("0.096");
            assertThat(alert.locator("[data-testid=alert-deliveries]")).containsText("Mail is not configured");
            assertThat(page.locator("[data-testid=alerts-badge]")).hasCount(0);
            Browsers.screenshot(page, "alerts");
            page.setViewportSize(390, 844);
            Browsers.screenshot(page, "alerts-390");
            page.setViewportSize(1366, 900);

            // the alert links to its numbers: this month on the dashboard
            alert.locator("[data-testid=alert-link]").click();
            assertThat(page).hasURL(Pattern.compile("/w/" + slug + "/usage\\?period=custom&from=\\d{4}-\\d{2}-01&to="));
            assertThat(page.locator("[data-testid=usage-budget]")).containsText("of $0.08 spent (120 %)");
            page.goBack();

            // checked again: counted on the same alert, not raised twice
            page.navigate(portal.url("/w/" + slug + "/alerts/settings"));
            page.locator("[data-testid=check-now]").click();
            assertThat(page.locator("#flash")).containsText("1 repeat of alerts raised within the throttle window");
            page.locator("[data-testid=nav-alerts]").click();
            assertThat(page.locator("[data-testid=alert]")).hasCount(1);
            assertThat(page.locator("[data-testid=alert-repeats]")).containsText("Came up 1 more time since");

            page.locator("[data-testid=acknowledge]").click();
            assertThat(page.locator("#flash"))
                    .containsText("Acknowledged “Spending reached 120 % of the monthly budget”.");
            assertThat(page.locator("[data-testid=alert-status]")).hasText("Acknowledged");
            assertThat(page.locator("[data-testid=alert]")).containsText("Acknowledged by " + slug + "@usage.example");
            Browsers.screenshot(page, "alerts-acknowledged");
        }
    }

    /** Questions through the real gateway, as the chat sends them: {@code n} answer calls to the provider. */
    private void traffic(int n) {
        AssistantGateway gateway = portal.app.getBean(AssistantGateway.class);
        UUID id = portal.app.getBean(JdbcTemplate.class)
                .queryForObject("select id from tenants.workspaces where slug = ?", UUID.class, slug);
        List<Source> sources = List.of(new Source(1, "Refunds", "Refunds are paid back within five days.", 0.9));
        for (int i = 0; i < n; i++) {
            gateway.answer(new AnswerRequest(TenantId.of(id), UUID.randomUUID(), Persona.defaultsFor("Usage Lab"),
                    List.of(), "How long do refunds take?", sources), TokenSink.none());
        }
    }
}
