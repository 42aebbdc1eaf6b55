package com.frontline.demo;

import com.frontline.accounts.AccountsService;
import com.frontline.accounts.PendingUpload;
import com.frontline.assistants.AssistantVersions;
import com.frontline.chat.Author;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatService;
import com.frontline.chat.ChatService.PastMessage;
import com.frontline.chat.Citation;
import com.frontline.chat.ConversationStatus;
import com.frontline.chat.FeedbackReviewDetail.Passage;
import com.frontline.chat.FeedbackReviewDetail.Retrieval;
import com.frontline.chat.FeedbackReviewService;
import com.frontline.chat.FeedbackReviewService.PastJudgement;
import com.frontline.demo.DemoFiles.DemoAccount;
import com.frontline.demo.DemoFiles.Trend;
import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.insights.InsightsBackground;
import com.frontline.knowledge.KnowledgeService;
import com.frontline.knowledge.UploadResult;
import com.frontline.search.Visibility;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import com.frontline.tenants.Persona;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Tone;
import com.frontline.tenants.WidgetPosition;
import com.frontline.tenants.Workspace;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * On the first start against an empty database, outside the {@code prod} profile, creates the demo workspace
 * "Acme Support" and its admin (whose login the README prints), with a small help centre in five formats, a KPI
 * import of five accounts over six months and a few past conversations, one of them waiting in the Inbox. Everything
 * goes through the services a real workspace uses (documents are parsed and indexed by the background jobs) in one
 * transaction: a failure leaves the database empty, and the next start tries again. Never runs in production.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "frontline.demo.seed", havingValue = "true", matchIfMissing = true)
class DemoSeeder implements ApplicationRunner {

    static final String EMAIL = "admin@acme.test";
    static final String PASSWORD = "frontline-demo";
    static final String SLUG = "acme";

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final String RETURNS = "Returns and refunds.html";
    private static final String SHIPPING = "Shipping and delivery.md";
    private static final String BILLING = "Billing and payments.docx";
    private static final String ACCOUNT = "Account and password.pdf";
    private static final String FAQ = "Product FAQ.csv";

    private final TenantService tenants;
    private final UserService users;
    private final KnowledgeService knowledge;
    private final AccountsService accounts;
    private final ChatService chat;
    private final FeedbackReviewService reviews;
    private final AssistantVersions versions;
    private final TransactionTemplate transaction;
    private final InsightsBackground insights;
    private final Clock clock = Clock.systemUTC();

    DemoSeeder(TenantService tenants, UserService users, KnowledgeService knowledge, AccountsService accounts,
               ChatService chat, FeedbackReviewService reviews, AssistantVersions versions,
               TransactionTemplate transaction, InsightsBackground insights) {
        this.versions = versions;
        this.insights = insights;
        this.tenants = tenants;
        this.users = users;
        this.knowledge = knowledge;
        this.accounts = accounts;
        this.chat = chat;
        this.reviews = reviews;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (tenants.anyWorkspaceExists()) {
            return;
        }
        TenantId acme;
        try {
            acme = java.util.Objects.requireNonNull(transaction.execute(status -> seed()));
        } catch (InvalidInputException e) {
            // another node seeding the same empty database at the same moment took the address first
            log.info("The demo workspace was not seeded: {}", e.errors());
            return;
        }
        log.info("Seeded the demo workspace 'Acme Support': sign in as {} / {}", EMAIL, PASSWORD);
        // its history was recorded without the chat's events: the knowledge-gaps analysis reads it in the background
        insights.backfill(acme);
    }

    private TenantId seed() {
        UserAccount admin = users.findByEmail(EMAIL)
                .orElseGet(() -> users.signUp(new SignUpCmd(EMAIL, "Alex Admin", PASSWORD)));
        Workspace acme = tenants.createWorkspace(new Actor(admin.id(), admin.email()), "Acme Support", SLUG,
                "E-commerce & retail");
        CurrentTenant owner = new CurrentTenant(acme.id(), acme.slug(), acme.name(), Role.OWNER, admin.id(),
                admin.email());
        tenants.updatePersona(owner, new Persona("Ava", Tone.FRIENDLY, null,
                "Hi, I'm Ava from Acme! Ask me about your order, delivery, returns, billing or your Acme appliance.",
                "I'm not sure about that one. Shall I connect you with someone from the Acme support team?",
                "en"));
        tenants.updateBranding(owner, "#0f766e", WidgetPosition.BOTTOM_RIGHT);
        tenants.uploadLogo(owner, resource("acme-logo.svg"), "acme-logo.svg");
        tenants.updateOrigins(owner, "http://localhost:8080\nhttp://127.0.0.1:8080");
        tenants.completeOnboarding(owner);

        Map<String, UUID> documents = helpCentre(owner);
        importKpis(owner);
        pastConversations(acme.id(), documents);
        // version 1 of the assistant, live: the persona and settings above (it would be made on first use anyway)
        versions.liveVersion(acme.id());
        return acme.id();
    }

    /** The help centre: Markdown, HTML, Word, PDF and an FAQ CSV, queued for indexing like any upload. */
    private Map<String, UUID> helpCentre(CurrentTenant owner) {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put(SHIPPING, resource(SHIPPING));
        files.put(RETURNS, resource(RETURNS));
        files.put(BILLING, DemoFiles.docx(text("generated/Billing and payments.txt")));
        files.put(ACCOUNT, DemoFiles.pdf(text("generated/Account and password.txt")));
        files.put(FAQ, resource(FAQ));
        Map<String, UUID> ids = new HashMap<>();
        files.forEach((name, bytes) -> {
            UploadResult result = knowledge.upload(owner, name, bytes, null, Visibility.PUBLIC);
            if (!result.accepted() || result.documentId() == null) {
                throw new IllegalStateException("Demo document " + name + " was refused: " + result.message());
            }
            ids.put(name, result.documentId());
        });
        return ids;
    }

    /** Five business customers with six months of KPIs, validated and confirmed like an admin's upload. */
    private void importKpis(CurrentTenant owner) {
        String lower = "Lower is better";
        String higher = "Higher is better";
        List<DemoAccount> demo = List.of(
                new DemoAccount("Bean There Cafés", List.of(
                        new Trend("Product adoption", "Adoption", 2, "High", higher, true, 61, 66, 70, 74, 79, 83),
                        new Trend("Ticket CSAT", "Support", 2, "High", higher, true, 88, 90, 89, 92, 93, 94),
                        new Trend("NPS", "Sentiment", 1, "Medium", higher, false, 38, 41, 45, 47, 52, 55),
                        new Trend("Churn risk", "Retention", 2, "High", lower, true, 14, 12, 11, 9, 8, 6))),
                new DemoAccount("Greenleaf Offices", List.of(
                        new Trend("Product adoption", "Adoption", 2, "High", higher, true, 72, 70, 68, 63, 60, 57),
                        new Trend("Ticket CSAT", "Support", 2, "High", higher, true, 84, 82, 79, 76, 74, 71),
                        new Trend("NPS", "Sentiment", 1, "Medium", higher, false, 40, 36, 33, 30, 27, 24),
                        new Trend("Churn risk", "Retention", 2, "High", lower, true, 18, 21, 25, 29, 33, 38))),
                new DemoAccount("Harbour Hotels", List.of(
                        new Trend("Product adoption", "Adoption", 2, "High", higher, true, 35, 33, 31, 30, 28, 26),
                        new Trend("Ticket CSAT", "Support", 2, "High", higher, true, 66, 61, 58, 55, 51, 47),
                        new Trend("NPS", "Sentiment", 1, "Medium", higher, false, 22, 18, 15, 12, 10, 8),
                        new Trend("Churn risk", "Retention", 2, "High", lower, true, 42, 48, 55, 61, 66, 72))),
                new DemoAccount("Bright Dental Clinics", List.of(
                        new Trend("Product adoption", "Adoption", 2, "High", higher, true, 80, 82, 81, 84, 86, 88),
                        new Trend("Ticket CSAT", "Support", 2, "High", higher, true, 91, 92, 94, 93, 95, 96),
                        new Trend("NPS", "Sentiment", 1, "Medium", higher, false, 58, 60, 61, 63, 64, 67),
                        new Trend("Churn risk", "Retention", 2, "High", lower, true, 7, 6, 6, 5, 4, 4))),
                new DemoAccount("Nordic Bakeries", List.of(
                        new Trend("Product adoption", "Adoption", 2, "High", higher, true, 52, 55, 53, 56, 58, 57),
                        new Trend("Ticket CSAT", "Support", 2, "High", higher, true, 78, 75, 77, 80, 79, 81),
                        new Trend("NPS", "Sentiment", 1, "Medium", higher, false, 30, 32, 31, 33, 35, 34),
                        new Trend("Churn risk", "Retention", 2, "High", lower, true, 22, 21, 23, 20, 19, 19))));
        byte[] csv = DemoFiles.kpiCsv(demo, LocalDate.now(clock));
        PendingUpload upload = accounts.validate(owner, "acme-accounts-kpis.csv", csv);
        AccountsService.Confirmed confirmed = accounts.confirm(owner, upload.id());
        if (confirmed.skippedRows() > 0 || confirmed.accounts() != demo.size()) {
            throw new IllegalStateException("The demo KPI file was not read as written: " + confirmed);
        }
    }

    /** Past widget conversations: resolved ones, rated answers, one fallback, and one waiting for a person. */
    private void pastConversations(TenantId tenant, Map<String, UUID> documents) {
        OffsetDateTime now = OffsetDateTime.now(clock);

        record Said(Author author, String text, @Nullable Citation citation, @Nullable Integer feedback, int minutes) {
        }
        class Transcript {
            final List<PastMessage> messages = new ArrayList<>();

            Transcript say(Said s, OffsetDateTime start) {
                boolean answer = s.author() == Author.ASSISTANT;
                boolean fallback = answer && s.citation() == null;
                messages.add(new PastMessage(s.author(), answer ? "Ava" : s.author() == Author.AGENT ? "Alex Admin"
                        : null, s.text(), s.citation() == null ? List.of() : List.of(s.citation()),
                        answer ? (fallback ? 0.21 : 0.78) : null, fallback, s.feedback(),
                        start.plusMinutes(s.minutes())));
                return this;
            }
        }

        OffsetDateTime delivery = now.minusDays(3).withHour(9).withMinute(12);
        Transcript shipping = new Transcript()
                .say(new Said(Author.CUSTOMER, "How long does shipping take to Germany?", null, null, 0), delivery)
                .say(new Said(Author.ASSISTANT, "Standard shipping takes 2 to 4 working days within the "
                        + "Netherlands, Belgium and Germany, and 3 to 6 working days to the rest of the European "
                        + "Union. [1]", cite(documents, SHIPPING, "Shipping and delivery",
                        "Standard shipping takes 2 to 4 working days within the Netherlands, Belgium and Germany"),
                        1, 0), delivery);
        UUID shippingId = chat.recordPastConversation(tenant, Channel.WIDGET, "visitor:demo-visitor-shipping",
                ConversationStatus.BOT, null, shipping.messages);
        reviews.recordPastJudgements(tenant, shippingId, List.of(new PastJudgement(List.of(), null, "offline",
                "extractive", trace(documents, "shipping to Germany", SHIPPING, "Shipping and delivery", RETURNS,
                "Returns and refunds"), false, signals(false, false, false, false, false), 0.5)));

        OffsetDateTime reset = now.minusDays(2).withHour(19).withMinute(40);
        Transcript password = new Transcript()
                .say(new Said(Author.CUSTOMER, "I forgot my password, how do I get back in?", null, null, 0), reset)
                .say(new Said(Author.ASSISTANT, "To reset your password, choose Forgot password on the sign-in page "
                        + "and enter the e-mail address of your account. We send you a link that works for 1 hour. [1]",
                        cite(documents, ACCOUNT, "Account and password",
                                "To reset your password, choose Forgot password on the sign-in page"), 1, 0),
                        reset)
                .say(new Said(Author.CUSTOMER, "Thanks, that worked!", null, null, 4), reset);
        UUID passwordId = chat.recordPastConversation(tenant, Channel.WIDGET, "visitor:demo-visitor-password",
                ConversationStatus.BOT, null, password.messages);
        reviews.recordPastJudgements(tenant, passwordId, List.of(new PastJudgement(List.of(), null, "offline",
                "extractive", trace(documents, "forgot password get back in", ACCOUNT, "Account and password", BILLING,
                "Billing and payments"), false, signals(true, false, false, false, true), 0.95)));

        OffsetDateTime norway = now.minusDays(1).withHour(11).withMinute(5);
        Transcript abroad = new Transcript()
                .say(new Said(Author.CUSTOMER, "Do you deliver to Norway?", null, null, 0), norway)
                .say(new Said(Author.ASSISTANT, "I'm not sure about that one. Shall I connect you with someone "
                        + "from the Acme support team?", null, -1, 0), norway)
                .say(new Said(Author.CUSTOMER, "Yes please", null, null, 1), norway)
                .say(new Said(Author.SYSTEM, "I've asked our team to join. Someone will reply here as soon as they "
                        + "can.", null, null, 1), norway)
                .say(new Said(Author.SYSTEM, "Alex Admin joined the conversation.", null, null, 9), norway)
                .say(new Said(Author.AGENT, "Hi! We don't deliver to Norway yet, sorry. We ship to the EU, the UK "
                        + "and Switzerland; Norway is planned for next spring.", null, null, 10), norway)
                .say(new Said(Author.SYSTEM, "Alex Admin closed the conversation. Ask anything else and the "
                        + "assistant will answer.", null, null, 12), norway);
        UUID norwayId = chat.recordPastConversation(tenant, Channel.WIDGET, "visitor:demo-visitor-norway",
                ConversationStatus.RESOLVED, "The customer asked for a person.", abroad.messages);
        reviews.recordPastJudgements(tenant, norwayId, List.of(new PastJudgement(List.of("INCOMPLETE"),
                "I only wanted to know if you deliver to Norway. A yes or no would do.", "offline", "extractive",
                trace(documents, "deliver to Norway", SHIPPING, "Shipping and delivery", RETURNS,
                        "Returns and refunds"), true, signals(true, false, true, false, false), 0.1)));

        OffsetDateTime broken = now.minusMinutes(25);
        Transcript damaged = new Transcript()
                .say(new Said(Author.CUSTOMER, "My order A-20417 arrived today and the glass jug of the blender is "
                        + "cracked. What can I do?", null, null, 0), broken)
                .say(new Said(Author.ASSISTANT, "If an item arrives damaged, send us a photo of the item and the box "
                        + "within 7 days of delivery. We send a replacement right away and you do not need to return "
                        + "the damaged item first. [1]", cite(documents, RETURNS, "Returns and refunds",
                        "If an item arrives damaged, send us a photo of the item and the box within 7 days"),
                        null, 0), broken)
                .say(new Said(Author.CUSTOMER, "I have the photos. Can I talk to a person to arrange the "
                        + "replacement?", null, null, 3), broken)
                .say(new Said(Author.SYSTEM, "I've asked our team to join. Someone will reply here as soon as they "
                        + "can.", null, null, 3), broken);
        UUID damagedId = chat.recordPastConversation(tenant, Channel.WIDGET, "visitor:demo-visitor-damaged",
                ConversationStatus.WAITING, "The customer asked for a person.", damaged.messages);
        reviews.recordPastJudgements(tenant, damagedId, List.of(new PastJudgement(List.of(), null, "offline",
                "extractive", trace(documents, "order arrived glass jug blender cracked", RETURNS,
                        "Returns and refunds", FAQ, "Product FAQ"), true, signals(true, false, true, false, false),
                0.3)));
        ratedHistory(tenant, documents, now);
        unansweredHistory(tenant, now);
    }

    /**
     * Questions the help centre does not answer, asked over six weeks in different words on a few themes (gift cards,
     * spare parts, student discounts, delivery outside the EU): the assistant fell back each time. The backfill
     * analyses them after the seed, so the Knowledge gaps page shows real clusters on first start.
     */
    private void unansweredHistory(TenantId tenant, OffsetDateTime now) {
        List<String> questions = List.of(
                "Do you sell gift cards?",
                "Can I buy an Acme gift card for my sister's birthday?",
                "Are there gift vouchers I can give someone as a present?",
                "How do I redeem a gift card at checkout?",
                "Do Acme gift cards expire?",
                "Can I buy a spare glass jug for my blender?",
                "Where can I order spare parts for my coffee machine?",
                "Do you sell a replacement lid for the kettle?",
                "I need a new water filter for the coffee machine, where do I get one?",
                "Are spare parts available for older Acme blenders?",
                "Do you have a student discount?",
                "Is there a discount for students?",
                "Can I get money off with my student card?",
                "Any student discount codes?",
                "Do you deliver to Norway?",
                "Can you ship my order to Iceland?",
                "Do you deliver to Norway?",
                "Do you ship to the United States?",
                "Do you deliver to Norway?");
        String fallback = "I'm not sure about that one. Shall I connect you with someone from the Acme support team?";
        for (int i = 0; i < questions.size(); i++) {
            // spread over six weeks, more of them lately: the clusters' weekly trend rises
            OffsetDateTime at = now.minusDays(1 + (long) (i * i) / 9).withHour(9 + i % 9).withMinute(11 * i % 60);
            var messages = List.of(
                    new PastMessage(Author.CUSTOMER, null, questions.get(i), List.of(), null, false, null, at),
                    new PastMessage(Author.ASSISTANT, "Ava", fallback, List.of(), 0.21, true, null,
                            at.plusSeconds(2)));
            chat.recordPastConversation(tenant, Channel.WIDGET, "visitor:demo-unanswered-" + i,
                    ConversationStatus.BOT, null, messages);
        }
    }

    /** A question, its answer from one document, and how the visitor judged it. */
    private record Rated(String question, String answer, String file, String title, @Nullable Integer rating,
                         List<String> reasons, @Nullable String comment, double confidence, String provider,
                         String model, @Nullable Double implicit) {
    }

    /**
     * Seven weeks of rated widget answers, one every other day, so that the Feedback page's list, cards and sparklines
     * have something to show on first start: mostly 👍, some 👎 with reasons and comments, a few judged only by
     * what the visitor did next.
     */
    private void ratedHistory(TenantId tenant, Map<String, UUID> documents, OffsetDateTime now) {
        List<Rated> pairs = List.of(
                new Rated("Can I return a blender I already opened?", "You can return any Acme product within 30 "
                        + "days of delivery for a full refund, as long as it is complete and undamaged. Opened boxes "
                        + "are fine. [1]", RETURNS, "Returns and refunds", 1, List.of(), null, 0.84, "offline",
                        "extractive", 0.9),
                new Rated("How much is express delivery?", "Express delivery costs €9.95 for any order. [1]",
                        SHIPPING, "Shipping and delivery", 1, List.of(), null, 0.81, "openai", "gpt-4o-mini", null),
                new Rated("When do I get my money back?", "We refund you within 5 working days after your return "
                        + "reaches our warehouse, on the payment method you used. [1]", RETURNS,
                        "Returns and refunds", -1, List.of("INCOMPLETE"), "It took two weeks for me, and the "
                        + "answer doesn't say what to do if it is late.", 0.66, "offline", "extractive", 0.2),
                new Rated("My coffee machine has a flashing red light", "A flashing red light means the machine "
                        + "needs descaling. Run the descaling programme with one Acme descaling tablet. [1]", FAQ,
                        "Product FAQ", 1, List.of(), null, 0.88, "offline", "extractive", 0.85),
                new Rated("Do you ship to the UK?", "We deliver to every country in the European Union, the United "
                        + "Kingdom and Switzerland. [1]", SHIPPING, "Shipping and delivery", null, List.of(), null,
                        0.74, "openai", "gpt-4o-mini", 0.7),
                new Rated("Can I return opened coffee beans?", "You can return any Acme product within 30 days of "
                        + "delivery for a full refund. [1]", RETURNS, "Returns and refunds", -1,
                        List.of("INCORRECT"), "Your own page says opened coffee beans cannot be returned!", 0.58,
                        "openai", "gpt-4o-mini", 0.1),
                new Rated("Where is my tracking link?", "As soon as your order leaves the warehouse we e-mail you a "
                        + "tracking link. You can also find it under My account → Orders. [1]", SHIPPING,
                        "Shipping and delivery", 1, List.of(), null, 0.79, "offline", "extractive", null),
                new Rated("the blender keeps stopping??", "The motor protection switches the blender off when it "
                        + "overheats or the jar is too full. Let it cool for 15 minutes. [1]", FAQ, "Product FAQ",
                        -1, List.of("TONE", "NOT_WHAT_I_ASKED"), null, 0.62, "offline", "extractive", 0.3));
        for (int i = 0; i < 26; i++) {
            Rated r = pairs.get(i % pairs.size());
            // every other cycle the visitor leaves no rating: only the implicit score (if any) judges the answer
            Integer rating = i >= pairs.size() && i % 3 == 0 ? null : r.rating();
            // every other day over seven weeks: the cards compare the last 30 days with the 30 before
            OffsetDateTime at = now.minusDays(4 + 2L * i).withHour(8 + i % 10).withMinute(7 * i % 60);
            Citation citation = cite(documents, r.file(), r.title(), r.answer());
            var messages = List.of(
                    new PastMessage(Author.CUSTOMER, null, r.question(), List.of(), null, false, null, at),
                    new PastMessage(Author.ASSISTANT, "Ava", r.answer(), List.of(citation), r.confidence(), false,
                            rating, at.plusSeconds(3)));
            UUID id = chat.recordPastConversation(tenant, Channel.WIDGET, "visitor:demo-history-" + i,
                    ConversationStatus.BOT, null, messages);
            boolean helped = r.implicit() != null && r.implicit() >= 0.5;
            reviews.recordPastJudgements(tenant, id, List.of(new PastJudgement(rating == null ? List.of()
                    : r.reasons(), rating == null ? null : r.comment(), r.provider(), r.model(),
                    trace(documents, r.question(), r.file(), r.title(), i % 2 == 0 ? FAQ : RETURNS,
                            i % 2 == 0 ? "Product FAQ" : "Returns and refunds"), false,
                    r.implicit() == null ? null : signals(helped, !helped && i % 2 == 0, false, !helped && i % 2 == 1,
                            helped && i % 2 == 0),
                    r.implicit())));
        }
    }

    /** The search behind an answer: the cited document first, a weaker second one. */
    private static Retrieval trace(Map<String, UUID> documents, String query, String file, String title,
                                   String other, String otherTitle) {
        return new Retrieval(query, List.of(
                new Passage(String.valueOf(documents.get(file)), title, "PUBLIC", 0.91, 0.74, 1, 1),
                new Passage(String.valueOf(documents.get(other)), otherTitle, "PUBLIC", 0.38, 0.31, 3, 2)));
    }

    private static Map<String, Boolean> signals(boolean continued, boolean rephrased, boolean askedForPerson,
                                                boolean leftQuickly, boolean thanked) {
        Map<String, Boolean> s = new java.util.LinkedHashMap<>();
        s.put("continued", continued);
        s.put("rephrased", rephrased);
        s.put("askedForPerson", askedForPerson);
        s.put("leftQuickly", leftQuickly);
        s.put("thanked", thanked);
        return s;
    }

    private static Citation cite(Map<String, UUID> documents, String file, String title, String snippet) {
        return new Citation(1, documents.get(file), "DOCUMENT", title, snippet, null);
    }

    private static byte[] resource(String name) {
        try (var in = new ClassPathResource("demo/" + name).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Missing demo resource " + name, e);
        }
    }

    private static String text(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }
}
