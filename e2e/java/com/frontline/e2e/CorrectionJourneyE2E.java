package com.frontline.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop of issue #11 in a browser: a widget visitor rates a wrong answer 👎 with a reason; an agent finds it
 * on the feedback review page and writes the right answer; an admin approves it; from then on the same question and a
 * reworded one get the approved text in the widget, marked "Verified answer", and an unrelated question does not.
 */
class CorrectionJourneyE2E extends E2ETest {

    static final String QUESTION = "Can I pay with seashells?";
    static final String PARAPHRASE = "Do you accept seashells as payment?";
    static final String UNRELATED = "How do I reset my password?";
    static final String RIGHT = "Yes. Every Seashell Supplies shop takes seashells as payment, at one shell per euro.";

    private final List<BrowserContext> others = new ArrayList<>();

    @AfterEach
    void closeOthers() {
        others.forEach(BrowserContext::close);
    }

    @Test
    void aWrongAnswerIsRatedCorrectedApprovedAndFromThenOnAnsweredAsVerified() {
        String slug = unique("fix");
        String key = Workspaces.createWithWidget(page, portal, slug, "Olga Owner", "Seashell Supplies");
        Page agent = inviteAgent(slug);

        // a visitor gets an answer that does not help, and says why
        Page visitor = Workspaces.visitor(others, 1366, 900);
        visitor.navigate(portal.url("/widget/frame?key=" + key));
        Locator wrong = Workspaces.ask(visitor, QUESTION);
        assertThat(wrong.locator("[data-testid=verified-answer]")).hasCount(0);
        wrong.locator("[data-testid=rate-down]").click();
        wrong.locator("[data-testid=feedback-form]").getByLabel("Incorrect").check();
        wrong.locator("[data-testid=feedback-send]").click();
        assertThat(wrong.locator("[data-testid=feedback-thanks]")).isVisible();

        // the agent finds it on the review page (👎 only) and writes the right answer from it
        agent.navigate(portal.url("/w/" + slug + "/feedback"));
        agent.locator("[data-testid=filter-rating]").selectOption("down");
        Locator row = agent.locator("[data-testid=feedback-row]").filter(new Locator.FilterOptions()
                .setHasText(QUESTION));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Incorrect");
        row.locator("td.question a").click();
        assertThat(agent.locator("[data-testid=judgement]")).containsText("Incorrect");
        Browsers.screenshot(agent, "journey-feedback-answer");
        agent.locator("[data-testid=write-correction]").click();
        Locator form = agent.locator("[data-testid=correction-form]");
        assertThat(form.locator("[data-testid=question-input]")).hasValue(QUESTION);
        form.locator("[data-testid=answer-input]").fill(RIGHT);
        form.locator("[data-testid=save-correction]").click();
        assertThat(agent.getByText(RIGHT).first()).isVisible();
        // an agent may write, not approve
        agent.navigate(portal.url("/w/" + slug + "/corrections"));
        assertThat(agent.locator("[data-testid=correction-item]")).containsText(QUESTION);
        assertThat(agent.locator("[data-testid=approve]")).hasCount(0);

        // the admin approves it with a score
        page.navigate(portal.url("/w/" + slug + "/corrections"));
        Locator item = page.locator("[data-testid=correction-item]").filter(new Locator.FilterOptions()
                .setHasText(QUESTION));
        item.locator("[data-testid=score]").selectOption("5");
        Browsers.screenshot(page, "journey-approval-queue");
        item.locator("[data-testid=approve]").click();
        // the approval reloads the queue: wait for it before switching tabs, or the click lands on the old page
        assertThat(page.getByText("Approved. It answers matching questions from now on.")).isVisible();
        page.locator("[data-testid=tab-approved]").click();
        assertThat(page.locator("[data-testid=correction-item]")).containsText(QUESTION);

        // from now on: the same question and a reworded one get the approved answer, marked; another does not
        Page later = Workspaces.visitor(others, 390, 844);
        later.navigate(portal.url("/widget/frame?key=" + key));
        Locator same = Workspaces.ask(later, QUESTION);
        assertThat(same.locator(".msg-text")).hasText(RIGHT);
        assertThat(same.locator("[data-testid=verified-answer]")).hasText("Verified answer");
        Locator reworded = Workspaces.ask(later, PARAPHRASE);
        assertThat(reworded.locator(".msg-text")).hasText(RIGHT);
        assertThat(reworded.locator("[data-testid=verified-answer]")).isVisible();
        Browsers.screenshot(later, "journey-verified-answer-390");
        Locator other = Workspaces.ask(later, UNRELATED);
        assertThat(other).not().containsText(RIGHT);
        assertThat(other.locator("[data-testid=verified-answer]")).hasCount(0);
    }

    /** Invites an agent on the team page; they sign up from the link and join. */
    private Page inviteAgent(String slug) {
        page.navigate(portal.url("/w/" + slug + "/settings/team"));
        page.getByLabel("E-mail").fill(slug + "-agent@owner.example");
        page.locator(".invite-form select[name=role]").selectOption("AGENT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
        String link = page.locator("#invite-link").textContent().strip();
        Page agent = newPersonPage();
        others.add(agent.context());
        agent.navigate(link);
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create an account")).click();
        new Pages.SignUpPage(agent, portal).fillInvitedAndSubmit("Andy Agent");
        agent.locator("[data-testid=accept-invite]").click();
        assertThat(agent.locator("[data-testid=workspace-switcher]")).containsText("Agent");
        return agent;
    }
}
