package com.frontline.analytics.web;

import com.frontline.analytics.AnalyticsReport;
import com.frontline.analytics.AnalyticsService;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The analytics page: a period's conversations, customer messages, rates and first responses after handoffs against
 * the period before, charts by day, and the top questions and top unanswered questions, each listing its
 * conversations. Agents and up read it, as they read the usage dashboard and the inbox the questions link to.
 */
@Controller
@RequiresRole(Role.AGENT)
class AnalyticsController {

    /** The longest question key accepted from a link (longer ones cannot be a stored question's key). */
    static final int MAX_KEY_LENGTH = 4000;

    private final AnalyticsService analytics;
    private final Clock clock = Clock.systemUTC();

    AnalyticsController(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    /** The filter form swaps the results region; every other request gets the page. */
    @GetMapping("/w/{slug}/analytics")
    String analytics(CurrentTenant tenant, AnalyticsPeriodForm form, Model model) {
        AnalyticsPeriodForm.Parsed filter = form.parse(today());
        AnalyticsReport report = analytics.report(tenant.id(), filter.period(), filter.channel());
        model.addAttribute("filter", filter);
        model.addAttribute("report", report);
        model.addAttribute("periods", AnalyticsPeriodForm.PERIODS);
        model.addAttribute("channels", AnalyticsPeriodForm.CHANNELS);
        model.addAttribute("cards", KeyCard.all(report.totals(), report.previous()));
        model.addAttribute("conversationsChart", AnalyticsChart.conversations(report.days()));
        model.addAttribute("messagesChart", AnalyticsChart.messages(report.days()));
        model.addAttribute("ratesChart", AnalyticsChart.rates(report.days()));
        model.addAttribute("section", "analytics");
        return "analytics/analytics :: analytics-results";
    }

    /**
     * The conversations in which one question (by its normalised wording) was answered in the period: each links to
     * the conversation in the inbox. Without a question it says where to pick one.
     */
    @GetMapping("/w/{slug}/analytics/questions")
    String questions(CurrentTenant tenant, AnalyticsPeriodForm form,
                     @RequestParam(name = "q", required = false) @Nullable String key,
                     @RequestParam(required = false) @Nullable String unanswered, Model model) {
        AnalyticsPeriodForm.Parsed filter = form.parse(today());
        boolean onlyUnanswered = "true".equals(unanswered);
        String k = key == null ? "" : key.strip();
        model.addAttribute("filter", filter);
        model.addAttribute("key", k);
        model.addAttribute("unanswered", onlyUnanswered);
        model.addAttribute("tooLong", k.length() > MAX_KEY_LENGTH);
        model.addAttribute("conversations", k.isEmpty() || k.length() > MAX_KEY_LENGTH ? java.util.List.of()
                : analytics.conversationsAsking(tenant.id(), k, filter.period(), filter.channel(), onlyUnanswered));
        model.addAttribute("limit", AnalyticsService.CONVERSATIONS_LISTED);
        model.addAttribute("section", "analytics");
        return "analytics/questions";
    }

    /** The dashboard's key cards (the last 7 days against the 7 before), loaded into the dashboard by htmx. */
    @HxRequest(boosted = false, historyRestoreRequest = false)
    @GetMapping("/w/{slug}/analytics/key-cards")
    String keyCards(CurrentTenant tenant, Model model) {
        AnalyticsService.KeyFigures figures = analytics.keyFigures(tenant.id(), today());
        model.addAttribute("keyCards", KeyCard.key(figures.totals(), figures.previous()));
        model.addAttribute("keyEmpty", figures.totals().conversations() == 0 && figures.totals().answers() == 0);
        return "analytics/analytics :: key-cards";
    }

    /**
     * The key cards' address reached as a page (a bookmark, a link opened in a new tab, a boosted link, the back
     * button, no script): the analytics page they summarise, whole, rather than a bare fragment or a 404.
     */
    @GetMapping("/w/{slug}/analytics/key-cards")
    String keyCardsPage(CurrentTenant tenant, Model model) {
        return analytics(tenant, new AnalyticsPeriodForm(null, null, null, null), model);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
