package com.frontline.chat.web;

import com.frontline.chat.FeedbackReviewExports;
import com.frontline.chat.FeedbackReviewFilter;
import com.frontline.chat.FeedbackReviewService;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The feedback review page: judged answers with filters and cards, one answer with its conversation and the
 * passages behind it, and the filtered set as CSV or JSON Lines.
 */
@Controller
@RequiresRole(Role.AGENT)
class FeedbackController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType JSONL = new MediaType("application", "jsonl", StandardCharsets.UTF_8);

    private final FeedbackReviewService reviews;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    FeedbackController(FeedbackReviewService reviews, JsonMapper json) {
        this.reviews = reviews;
        this.json = json;
    }

    /** The filter form swaps the results region (cards, table, paging); every other request gets the page. */
    @GetMapping("/w/{slug}/feedback")
    String feedback(CurrentTenant tenant, FeedbackFilterForm form, Model model) {
        FeedbackFilterForm.Parsed parsed = form.parse(today());
        model.addAttribute("filter", parsed);
        model.addAttribute("page", reviews.page(tenant.id(), parsed.filter(), parsed.after()));
        model.addAttribute("cards", reviews.cards(tenant.id(), parsed.filter()));
        model.addAttribute("models", reviews.providerModels(tenant.id()));
        model.addAttribute("reasons", FeedbackReviewFilter.REASONS);
        model.addAttribute("periods", FeedbackFilterForm.PERIODS);
        model.addAttribute("section", "feedback");
        return "chat/feedback :: feedback-results";
    }

    @GetMapping("/w/{slug}/feedback/{messageId}")
    String answer(CurrentTenant tenant, @PathVariable String messageId, Model model) {
        model.addAttribute("detail", reviews.detail(tenant.id(), id(messageId)));
        model.addAttribute("section", "feedback");
        return "chat/feedback-answer";
    }

    @GetMapping("/w/{slug}/feedback/export.csv")
    ResponseEntity<StreamingResponseBody> csv(CurrentTenant tenant, FeedbackFilterForm form) {
        FeedbackReviewFilter filter = form.parse(today()).filter();
        StreamingResponseBody body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try (var sink = FeedbackReviewExports.csv(writer)) {
                reviews.export(tenant.id(), filter, sink);
            }
            writer.flush();
        };
        return download(body, CSV, "feedback-" + tenant.slug() + "-" + today() + ".csv");
    }

    @GetMapping("/w/{slug}/feedback/export.jsonl")
    ResponseEntity<StreamingResponseBody> jsonl(CurrentTenant tenant, FeedbackFilterForm form) {
        FeedbackReviewFilter filter = form.parse(today()).filter();
        StreamingResponseBody body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try (var sink = FeedbackReviewExports.jsonl(writer, json)) {
                reviews.export(tenant.id(), filter, sink);
            }
            writer.flush();
        };
        return download(body, JSONL, "feedback-" + tenant.slug() + "-" + today() + ".jsonl");
    }

    private static ResponseEntity<StreamingResponseBody> download(StreamingResponseBody body, MediaType type,
                                                                  String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static UUID id(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw NotFoundException.of("Answer", raw.length() > 40 ? raw.substring(0, 40) : raw);
        }
    }
}
