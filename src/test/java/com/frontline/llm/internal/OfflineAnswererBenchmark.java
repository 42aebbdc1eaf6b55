package com.frontline.llm.internal;

import com.frontline.llm.Answer;
import com.frontline.llm.Source;
import com.frontline.tenants.Persona;
import com.frontline.tenants.Tone;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark, not a test: the offline answerer alone on a realistic request (8 retrieved passages of about 1,200
 * characters each, with Markdown and chatbot links, and a 12-word question). Single thread. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.llm.internal.OfflineAnswererBenchmark}.
 */
public final class OfflineAnswererBenchmark {

    static final String[] TOPICS = {"refund", "invoice", "shipping", "password", "subscription", "warranty",
            "delivery", "account", "payment", "discount", "return", "exchange"};
    static final String[] VERBS = {"request", "update", "cancel", "review", "confirm", "change", "track", "receive"};
    static final String[] NOUNS = {"customers", "orders", "the team", "your bank", "the portal", "the courier",
            "our support staff", "the billing system"};

    public static void main(String[] args) {
        Random random = new Random(42);
        List<Source> sources = new ArrayList<>();
        for (int s = 1; s <= 8; s++) {
            StringBuilder text = new StringBuilder("## " + TOPICS[s % TOPICS.length] + " policy\n");
            while (text.length() < 1200) {
                String subject = NOUNS[random.nextInt(NOUNS.length)];
                text.append(Character.toUpperCase(subject.charAt(0))).append(subject.substring(1)).append(" can ")
                        .append(VERBS[random.nextInt(VERBS.length)]).append(" a ")
                        .append(TOPICS[random.nextInt(TOPICS.length)]).append(" within ")
                        .append(1 + random.nextInt(30)).append(" days of the ")
                        .append(TOPICS[random.nextInt(TOPICS.length)]).append(random.nextInt(5) == 0
                                ? " [[Open a ticket|action:ticket]]" : "")
                        .append(random.nextInt(3) == 0 ? " **if the order was paid by card**.\n" : ". ");
            }
            sources.add(new Source(s, TOPICS[s % TOPICS.length] + " policy", text.toString(), 1.0 - s * 0.08));
        }
        String question = "How many days do customers have to request a refund for an order paid by card?";
        Persona persona = new Persona("Acme Assistant", Tone.FRIENDLY, null, "Hi!", "Sorry.", "en");
        OfflineAnswerer answerer = new OfflineAnswerer();
        int chars = sources.stream().mapToInt(x -> x.text().length()).sum();

        Answer sample = answerer.answer(persona, question, sources, "offline", false);
        System.out.printf("request: %d sources, %,d characters; sample answer cites %s:%n%s%n%n", sources.size(),
                chars, sample.citedSources(), sample.text());

        run(answerer, persona, question, sources, 2_000); // warm-up
        for (int round = 1; round <= 3; round++) {
            long[] result = run(answerer, persona, question, sources, 5_000);
            System.out.printf("round %d: %,d answers in %,d ms = %,.0f answers/s (%.1f µs each)%n", round, result[0],
                    result[1], result[0] * 1000.0 / result[1], result[1] * 1000.0 / result[0]);
        }
    }

    private static long[] run(OfflineAnswerer answerer, Persona persona, String question, List<Source> sources,
                              long millis) {
        long start = System.nanoTime();
        long deadline = start + millis * 1_000_000;
        long count = 0;
        int sink = 0;
        while (System.nanoTime() < deadline) {
            sink += answerer.answer(persona, question, sources, "offline", false).text().length();
            count++;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the results alive
        }
        return new long[]{count, (System.nanoTime() - start) / 1_000_000};
    }
}
