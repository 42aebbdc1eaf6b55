package com.frontline.chat;

import com.frontline.FrontlineApplication;
import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.knowledge.KnowledgeService;
import com.frontline.knowledge.KnowledgeStatus;
import com.frontline.llm.TokenSink;
import com.frontline.platform.DataDirectories;
import com.frontline.search.Audience;
import com.frontline.search.Visibility;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Measurement, not a test: is the confidence score honest? A workspace gets the public COVID-19 FAQ
 * ({@code ../shared/eval/covidfaq_jhu}) as its knowledge; real user questions about it (in domain) and SQuAD
 * questions about unrelated Wikipedia topics (out of domain) go through the chat's answer path with the offline
 * answerer. For each threshold it prints how many in-domain questions are answered (and how many of those cite a
 * passage of the labelled FAQ entry) and how many out-of-domain questions are wrongly answered instead of getting the
 * fallback. Run with {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.chat.ConfidenceCalibration -Dcalibration.queries=300}.
 */
public final class ConfidenceCalibration {

    record Outcome(double confidence, boolean citesRelevant) {
    }

    public static void main(String[] args) throws Exception {
        int limit = Integer.getInteger("calibration.queries", 300);
        Path eval = Path.of(System.getProperty("calibration.eval", "../shared/eval"));
        JsonMapper json = JsonMapper.builder().build();
        Path data = Files.createTempDirectory("frontline-calibration-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FrontlineApplication.class).run(
                "--server.port=0", "--frontline.embedded.data-dir=" + data, "--frontline.demo.seed=false",
                "--logging.level.root=WARN", "--db-scheduler.polling-interval=500ms",
                "--frontline.chat.offline-stream-pace=0ms")) {
            UserAccount owner = app.getBean(UserService.class).signUp(
                    new SignUpCmd("calibration@example.com", "Cal", "a quiet machine measurement"));
            TenantService tenants = app.getBean(TenantService.class);
            Workspace w = tenants.createWorkspace(new Actor(owner.id(), owner.email()), "Health FAQ", "faq", "Other");
            CurrentTenant tenant = tenants.resolve(owner.id(), owner.email(), w.slug()).orElseThrow();
            KnowledgeService knowledge = app.getBean(KnowledgeService.class);

            Map<UUID, String> corpusIdOfDocument = new HashMap<>();
            List<String> corpus = Files.readAllLines(eval.resolve("covidfaq_jhu/corpus.jsonl"));
            for (String line : corpus) {
                JsonNode doc = json.readTree(line);
                UUID id = knowledge.addText(tenant, doc.get("title").asString(),
                        doc.get("title").asString() + "\n\n" + doc.get("text").asString(), Visibility.PUBLIC).documentId();
                corpusIdOfDocument.put(id, doc.get("id").asString());
            }
            while (true) {
                KnowledgeStatus s = knowledge.status(tenant.id());
                if (s.indexing() == 0 && s.documents() == corpus.size()) {
                    break;
                }
                Thread.sleep(500);
            }
            Map<String, String> relevant = new HashMap<>();
            Files.readAllLines(eval.resolve("covidfaq_jhu/qrels.tsv")).stream().skip(1)
                    .map(l -> l.split("\t")).forEach(p -> relevant.putIfAbsent(p[0], p[1]));

            AnswerComposer composer = app.getBean(AnswerComposer.class);
            // the draft as it is, with no threshold: every answer is kept, whatever its confidence
            com.frontline.assistants.AssistantConfig config = app.getBean(
                    com.frontline.assistants.AssistantVersions.class).draft(tenant.id()).withConfidenceThreshold(0);
            List<Outcome> inDomain = new ArrayList<>();
            for (String line : Files.readAllLines(eval.resolve("covidfaq_jhu/queries.jsonl")).stream().limit(limit).toList()) {
                JsonNode q = json.readTree(line);
                var answer = composer.compose(tenant.id(), Audience.TEAM, UUID.randomUUID(), config, null, List.of(),
                        q.get("text").asString(), new TokenSink() {
                            public void token(String delta) {
                            }
                        });
                String want = relevant.get(q.get("id").asString());
                boolean cites = answer.citations().stream()
                        .anyMatch(c -> want != null && want.equals(corpusIdOfDocument.get(c.documentId())));
                inDomain.add(new Outcome(answer.confidence(), cites));
            }
            List<Outcome> outOfDomain = new ArrayList<>();
            List<String> squad = Files.readAllLines(eval.resolve("squad11_dev/queries.jsonl"));
            for (int i = 0; i < Math.min(limit, squad.size()); i++) {
                JsonNode q = json.readTree(squad.get(i * (squad.size() / limit)));
                var answer = composer.compose(tenant.id(), Audience.TEAM, UUID.randomUUID(), config, null, List.of(),
                        q.get("text").asString(), new TokenSink() {
                            public void token(String delta) {
                            }
                        });
                outOfDomain.add(new Outcome(answer.confidence(), false));
            }
            System.out.printf("%d in-domain (covidfaq_jhu) and %d out-of-domain (squad11_dev) questions%n",
                    inDomain.size(), outOfDomain.size());
            System.out.println("threshold | in-domain answered | of those citing the labelled entry | out-of-domain answered (false)");
            for (double t : new double[]{0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7}) {
                long answered = inDomain.stream().filter(o -> o.confidence() >= t).count();
                long correct = inDomain.stream().filter(o -> o.confidence() >= t && o.citesRelevant()).count();
                long falseAnswers = outOfDomain.stream().filter(o -> o.confidence() >= t).count();
                System.out.printf("%.2f | %.1f %% | %.1f %% | %.1f %%%n", t, 100.0 * answered / inDomain.size(),
                        answered == 0 ? 0 : 100.0 * correct / answered, 100.0 * falseAnswers / outOfDomain.size());
            }
        } finally {
            DataDirectories.deleteQuietly(data);
        }
        System.exit(0);
    }
}
