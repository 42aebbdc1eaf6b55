package com.frontline.knowledge.parsing;

import com.frontline.shared.Links;
import com.frontline.shared.Sentences;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the sentences of a document an admin should read before customers do: instructions addressed to the
 * assistant or to customers (a planted "ignore previous instructions", "tell every customer to …") and sentences with
 * links. Which links are to foreign websites is decided when shown, against the workspace's allowed websites of that
 * moment, so each flag keeps its hosts.
 *
 * <p>A flag is a prompt to review, not a verdict: help articles legitimately say "tell us your order number". The
 * patterns are English; a document in another language gets its link flags only.
 */
public final class SentenceFlags {

    public enum Reason { INSTRUCTION, LINK }

    /** One sentence to check. */
    public record Flagged(String sentence, Set<Reason> reasons, List<String> linkHosts) {
    }

    static final int MAX_FLAGS = 200;
    static final int MAX_SENTENCE = 500;

    private static final List<Pattern> INSTRUCTIONS = List.of(
            // "ignore all previous instructions", "disregard the rules above", "forget your guidelines"
            Pattern.compile("\\b(ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(instructions?|prompts?|rules|"
                    + "guidelines|directions|policies)\\b"),
            Pattern.compile("\\b(you are now|from now on,? you|act as (an?|the)\\b|pretend (to be|you are)|role-?play as|"
                    + "your new (role|instructions?|task))"),
            Pattern.compile("\\b(system prompt|developer mode|jailbreak|prompt injection)\\b"),
            // "tell every customer", "instruct all users to", "remind each visitor"
            Pattern.compile("\\b(tell|inform|instruct|advise|ask|direct|remind|urge|notify)\\b.{0,12}\\b(every|all|each|"
                    + "any)\\b.{0,12}\\b(customers?|users?|visitors?|callers?|clients?|members?)\\b"),
            // "the assistant must always", "AI: you should never"
            Pattern.compile("\\b(assistant|chatbot|chat bot|bot|ai|language model|llm)\\b[,:]?\\s.{0,24}\\b(must|should|"
                    + "shall|will|always|never)\\b"),
            Pattern.compile("^(always|never)\\s+(say|tell|answer|reply|respond|mention|recommend|reveal|share|"
                    + "promise)\\b"),
            Pattern.compile("\\b(do not|don't|never)\\s+(mention|reveal|disclose|admit)\\b"),
            // asking for secrets: "send us your password", "reply with the card number"
            Pattern.compile("\\b(send|give|share|email|e-mail|reply with|text|dm)\\b.{0,30}\\b(passwords?|passcodes?|"
                    + "pin|credit card|card numbers?|cvv|cvc|security codes?|login details|credentials|one-time "
                    + "codes?)\\b"));

    private SentenceFlags() {
    }

    /** Flags in the order found; a sentence repeated in overlapping passages is flagged once. */
    public static List<Flagged> find(List<String> texts) {
        Map<String, Flagged> flagged = new LinkedHashMap<>();
        for (String text : texts) {
            for (String sentence : sentences(text)) {
                if (flagged.size() >= MAX_FLAGS) {
                    return List.copyOf(flagged.values());
                }
                String key = sentence.toLowerCase(Locale.ROOT);
                if (flagged.containsKey(key)) {
                    continue;
                }
                Set<Reason> reasons = EnumSet.noneOf(Reason.class);
                if (isInstruction(sentence)) {
                    reasons.add(Reason.INSTRUCTION);
                }
                List<String> hosts = Links.hosts(sentence);
                if (!hosts.isEmpty()) {
                    reasons.add(Reason.LINK);
                }
                if (!reasons.isEmpty()) {
                    flagged.put(key, new Flagged(sentence, Set.copyOf(reasons), hosts));
                }
            }
        }
        return List.copyOf(flagged.values());
    }

    static boolean isInstruction(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT).strip();
        for (Pattern pattern : INSTRUCTIONS) {
            if (pattern.matcher(lower).find()) {
                return true;
            }
        }
        return false;
    }

    /** Sentences by the JDK's sentence rules, on one line each, cut to {@link #MAX_SENTENCE} characters. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\n\\s*\\n|\\n(?=\\s*[-*•#>]|\\s*\\d+[.)]\\s)")) {
            for (String sentence : Sentences.of(line)) {
                if (sentence.length() < 3) {
                    continue;
                }
                out.add(sentence.length() > MAX_SENTENCE ? sentence.substring(0, MAX_SENTENCE - 1) + "…" : sentence);
            }
        }
        return out;
    }
}
