package com.frontline.shared.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How fast {@link PersonalData#redact} is on chat-sized messages (a mix of plain questions and ones with an e-mail,
 * a phone number, a card or an IBAN) and on the largest input it takes (100,000 characters of such text). Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.shared.privacy.RedactionBenchmark}; figures in BENCHMARKS.md.
 */
public final class RedactionBenchmark {

    private static final String[] PLAIN = {
            "How do I return an item?", "Where is my order 12345678? It was due on 2024-03-01.",
            "The kettle I bought for $59.90 stopped working after 3 days.", "Do you ship to Norway?",
            "Can I pay by invoice? Our PO number is 4500012345."};
    private static final String[] PERSONAL = {
            "Please mail me at jane.doe@example.com about the refund.",
            "Call me back on +44 20 7946 0958 or 07911 123456.",
            "I paid with 4111 1111 1111 1111 and was charged twice.",
            "Refund to DE89 3704 0044 0532 0130 00 please.", "My number is (650) 253-0000."};

    public static void main(String[] args) {
        Random random = new Random(7);
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String[] pool = random.nextInt(4) == 0 ? PERSONAL : PLAIN;
            messages.add(pool[random.nextInt(pool.length)] + " " + PLAIN[random.nextInt(PLAIN.length)]);
        }
        StringBuilder big = new StringBuilder();
        while (big.length() < PersonalData.MAX_CHARS) {
            big.append(messages.get(big.length() % messages.size())).append('\n');
        }
        String largest = big.substring(0, PersonalData.MAX_CHARS);
        for (int round = 0; round < 3; round++) { // the first rounds warm the JIT up
            long start = System.nanoTime();
            int changed = 0;
            for (String m : messages) {
                changed += PersonalData.redact(m).equals(m) ? 0 : 1;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long startBig = System.nanoTime();
            String redacted = PersonalData.redact(largest);
            double bigMs = (System.nanoTime() - startBig) / 1e6;
            System.out.printf("round %d: %d messages in %.2f s (%.0f/s, %d redacted); 100,000 chars in %.0f ms (%d placeholders)%n",
                    round + 1, messages.size(), seconds, messages.size() / seconds, changed, bigMs,
                    redacted.split("\\[(email|phone|card|iban)]", -1).length - 1);
        }
    }
}
