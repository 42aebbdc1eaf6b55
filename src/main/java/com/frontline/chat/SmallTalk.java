package com.frontline.chat;

import com.frontline.tenants.Persona;
import com.frontline.tenants.Tone;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Greetings, thanks, goodbyes and acknowledgements ("Hi", "ok thanks, bye", "great") answered in kind, in the
 * persona's tone and language, without a search: they are no questions, so the knowledge has nothing to say about
 * them and the fallback (with its offer of a person) would be the wrong reply. A message is small talk only when
 * every word of it belongs to such a phrase (or is a filler like "so much", "for your help", the assistant's name):
 * "Hi, how do I return an item?" and "thanks, but that didn't help" are questions and go the normal way.
 */
final class SmallTalk {

    /** How the reply is stored: provider {@value #PROVIDER}, model {@value #MODEL}, confidence 1, not low. */
    static final String PROVIDER = "offline";
    static final String MODEL = "small-talk";
    /** Longer messages are never taken for small talk. */
    static final int MAX_CHARS = 80;
    private static final int MAX_PHRASE_WORDS = 4;

    enum Kind { GREETING, THANKS, GOODBYE, ACKNOWLEDGEMENT, FILLER }

    /** Phrases in normalised form: lower case, no accents or apostrophes, single spaces. en, de, fr, es, nl. */
    private static final Map<String, Kind> PHRASES = new HashMap<>();

    static {
        add(Kind.GREETING, "hi", "hello", "hey", "heya", "hiya", "howdy", "yo", "greetings", "good morning",
                "good afternoon", "good evening", "good day", "morning", "evening", "hi there", "hello there",
                "hey there", "how are you", "how are you doing", "how is it going", "hows it going",
                "hallo", "guten morgen", "guten tag", "guten abend", "servus", "moin", "gruss gott", "gruezi",
                "bonjour", "bonsoir", "salut", "coucou", "hola", "buenos dias", "buenas tardes", "buenas noches",
                "buenas", "hoi", "goedemorgen", "goedemiddag", "goedenavond", "goeiedag");
        add(Kind.THANKS, "thanks", "thank you", "thank u", "thx", "thanx", "ty", "tysm", "cheers", "many thanks",
                "much appreciated", "appreciate it", "i appreciate it", "thankyou", "thanks a lot", "thanks a million",
                "danke", "danke schon", "dankeschon", "vielen dank", "besten dank", "herzlichen dank",
                "merci", "merci beaucoup", "merci bien", "gracias", "muchas gracias", "mil gracias",
                "dank je", "dank u", "dank je wel", "dank u wel", "bedankt", "hartelijk dank", "dankjewel", "dankuwel");
        add(Kind.GOODBYE, "bye", "goodbye", "bye bye", "byebye", "good bye", "see you", "see ya", "see you later",
                "see you soon", "cya", "take care", "have a nice day", "have a good day", "have a great day",
                "have a nice evening", "have a good one", "good night", "thats all", "that is all", "thats it",
                "that was all", "thats everything", "nothing else", "all done", "im done", "i am done",
                "tschuss", "auf wiedersehen", "bis bald", "bis dann", "ciao", "das wars", "das ist alles",
                "das war alles", "schonen tag noch", "schonen tag", "au revoir", "a bientot", "bonne journee",
                "bonne soiree", "cest tout", "adios", "hasta luego", "hasta pronto", "eso es todo", "chao",
                "no thanks", "no thank you", "nope", "no thats all", "no thats it", "nein danke", "non merci",
                "no gracias", "nee dank je", "nee bedankt", "nee dank u", "doei", "tot ziens", "tot straks", "fijne dag", "fijne dag nog", "dat was het", "dat is alles");
        add(Kind.ACKNOWLEDGEMENT, "ok", "okay", "okey", "k", "kk", "okie", "great", "perfect", "cool", "nice",
                "awesome", "got it", "understood", "alright", "all right", "sounds good", "fine", "good", "super",
                "excellent", "brilliant", "wonderful", "lovely", "fantastic", "amazing", "i see", "makes sense",
                "that helps", "that helped", "that worked", "it worked", "that works", "all good", "gut", "prima",
                "alles klar", "verstanden", "perfekt", "klasse", "toll", "daccord", "parfait", "tres bien", "compris",
                "genial", "vale", "perfecto", "entendido", "de acuerdo", "bien", "muy bien", "oke", "top",
                "helder", "begrepen", "duidelijk", "goed", "mooi");
        // words that change nothing in "thanks so much for your help", "hello again", "great, thanks then"
        add(Kind.FILLER, "so", "so much", "very much", "very", "much", "a lot", "lots", "again", "all", "everyone",
                "guys", "folks", "team", "then", "well", "oh", "ah", "and", "also", "really", "just", "for",
                "for your help", "for the help", "for helping", "for helping me", "for that", "for this",
                "for the info", "for the information", "for the answer", "your help", "the help", "you", "too",
                "you too", "to you", "both", "dear", "friend", "pal", "sir", "madam", "fur ihre hilfe",
                "fur die hilfe", "fur deine hilfe", "pour votre aide", "pour laide", "por tu ayuda",
                "por su ayuda", "por la ayuda", "voor je hulp", "voor uw hulp", "voor de hulp", "nochmals", "noch",
                "encore", "de nuevo", "nogmaals", "wel", "schon", "sehr", "beaucoup", "mucho", "muchas");
    }

    private SmallTalk() {
    }

    private static void add(Kind kind, String... phrases) {
        for (String p : phrases) {
            PHRASES.putIfAbsent(p, kind);
        }
    }

    /** The reply to a message that is only small talk, in the persona's tone and language; empty for anything else. */
    static Optional<String> reply(Persona persona, String message) {
        Set<Kind> kinds = kinds(message, persona.assistantName());
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        Replies r = Replies.of(persona.tone(), persona.language());
        boolean thanks = kinds.contains(Kind.THANKS);
        if (kinds.contains(Kind.GOODBYE)) {
            return Optional.of(thanks ? r.thanksGoodbye() : r.goodbye());
        }
        if (thanks) {
            return Optional.of(r.thanks());
        }
        return Optional.of(kinds.contains(Kind.GREETING) ? r.greeting() : r.acknowledgement());
    }

    /**
     * The conversation without its small talk: each reply in kind and the customer's message it answered. A follow-up
     * after "thanks!" ("and how long does that take?") then refers to the question before it, not to the thanks.
     */
    static List<ChatMessage> withoutSmallTalk(List<ChatMessage> history) {
        List<ChatMessage> kept = new ArrayList<>(history);
        for (int i = kept.size() - 1; i >= 0; i--) {
            if (kept.get(i).smallTalk()) {
                kept.remove(i);
                if (i > 0 && kept.get(i - 1).author() == Author.CUSTOMER) {
                    kept.remove(--i);
                }
            }
        }
        return kept;
    }

    /**
     * The kinds of small talk the message consists of (never {@link Kind#FILLER} alone), or none when any of its
     * words is something else: then it is a question or a request, whatever greeting it starts with.
     */
    static Set<Kind> kinds(String message, String assistantName) {
        if (message.strip().length() > MAX_CHARS) {
            return Set.of();
        }
        List<String> words = words(message);
        if (words.isEmpty()) {
            return Set.of();
        }
        List<String> names = words(assistantName);
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int n = Math.min(MAX_PHRASE_WORDS, words.size() - i); n > 0 && matched == 0; n--) {
                Kind kind = PHRASES.get(String.join(" ", words.subList(i, i + n)));
                if (kind != null) {
                    kinds.add(kind);
                    matched = n;
                }
            }
            if (matched == 0 && names.contains(words.get(i))) {
                matched = 1; // "thanks Ava"
            }
            if (matched == 0) {
                return Set.of();
            }
            i += matched;
        }
        kinds.remove(Kind.FILLER);
        return kinds;
    }

    /** Lower case, without accents and apostrophes ("that's" → "thats", "tschüss" → "tschuss"), split on the rest. */
    static List<String> words(String text) {
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("['’`´]", "");
        List<String> words = new ArrayList<>();
        for (String w : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** What the assistant says back, per language and tone (Custom and Concise share the plain wording). */
    record Replies(String greeting, String thanks, String goodbye, String thanksGoodbye, String acknowledgement) {

        static Replies of(Tone tone, String language) {
            int style = switch (tone) {
                case FRIENDLY -> 0;
                case FORMAL -> 1;
                case CONCISE, CUSTOM -> 2;
            };
            return switch (language.toLowerCase(Locale.ROOT)) {
                case "de" -> new Replies[]{
                        new Replies("Hallo! Wie kann ich Ihnen heute helfen?",
                                "Gern geschehen! Kann ich sonst noch etwas für Sie tun?",
                                "Auf Wiedersehen und einen schönen Tag noch!",
                                "Gern geschehen! Einen schönen Tag noch.",
                                "Prima! Fragen Sie gern, wenn Sie noch etwas wissen möchten."),
                        new Replies("Guten Tag! Wie kann ich Ihnen behilflich sein?",
                                "Sehr gern. Kann ich Ihnen noch anderweitig behilflich sein?",
                                "Auf Wiedersehen. Wir wünschen Ihnen einen angenehmen Tag.",
                                "Sehr gern. Wir wünschen Ihnen einen angenehmen Tag.",
                                "Sehr gut. Bei weiteren Fragen stehen wir Ihnen gern zur Verfügung."),
                        new Replies("Hallo! Wie kann ich helfen?", "Gern! Noch etwas?", "Tschüss!",
                                "Gern! Tschüss.", "Gut. Noch etwas?")}[style];
                case "fr" -> new Replies[]{
                        new Replies("Bonjour ! Comment puis-je vous aider aujourd'hui ?",
                                "Avec plaisir ! Puis-je vous aider pour autre chose ?",
                                "Au revoir et bonne journée !",
                                "Avec plaisir ! Bonne journée.",
                                "Parfait ! N'hésitez pas si vous avez une autre question."),
                        new Replies("Bonjour. Comment puis-je vous être utile ?",
                                "Je vous en prie. Puis-je vous aider pour autre chose ?",
                                "Au revoir. Nous vous souhaitons une excellente journée.",
                                "Je vous en prie. Nous vous souhaitons une excellente journée.",
                                "Très bien. Nous restons à votre disposition pour toute autre question."),
                        new Replies("Bonjour ! Comment puis-je aider ?", "Avec plaisir ! Autre chose ?",
                                "Au revoir !", "Avec plaisir ! Au revoir.", "Très bien. Autre chose ?")}[style];
                case "es" -> new Replies[]{
                        new Replies("¡Hola! ¿En qué puedo ayudarte hoy?",
                                "¡De nada! ¿Puedo ayudarte con algo más?",
                                "¡Hasta luego y que tengas un buen día!",
                                "¡De nada! Que tengas un buen día.",
                                "¡Perfecto! Pregunta si necesitas algo más."),
                        new Replies("Buenos días. ¿En qué puedo ayudarle?",
                                "Es un placer. ¿Puedo ayudarle con algo más?",
                                "Hasta luego. Le deseamos un buen día.",
                                "Es un placer. Le deseamos un buen día.",
                                "Muy bien. Quedamos a su disposición para cualquier otra consulta."),
                        new Replies("¡Hola! ¿En qué puedo ayudar?", "¡De nada! ¿Algo más?", "¡Adiós!",
                                "¡De nada! Adiós.", "Bien. ¿Algo más?")}[style];
                case "nl" -> new Replies[]{
                        new Replies("Hallo! Waarmee kan ik je vandaag helpen?",
                                "Graag gedaan! Kan ik je nog ergens anders mee helpen?",
                                "Tot ziens en nog een fijne dag!",
                                "Graag gedaan! Nog een fijne dag.",
                                "Top! Vraag gerust als je nog iets wilt weten."),
                        new Replies("Goedendag. Waarmee kan ik u van dienst zijn?",
                                "Graag gedaan. Kan ik u nog ergens anders mee helpen?",
                                "Tot ziens. Wij wensen u een prettige dag.",
                                "Graag gedaan. Wij wensen u een prettige dag.",
                                "Prima. Wij helpen u graag verder als u nog vragen heeft."),
                        new Replies("Hallo! Waarmee kan ik helpen?", "Graag gedaan! Nog iets?", "Doei!",
                                "Graag gedaan! Doei.", "Prima. Nog iets?")}[style];
                default -> new Replies[]{
                        new Replies("Hi there! How can I help you today?",
                                "You're welcome! Is there anything else I can help you with?",
                                "Goodbye, and have a great day!",
                                "You're welcome! Have a great day.",
                                "Great! Just ask if there's anything else you'd like to know."),
                        new Replies("Good day. How may I assist you?",
                                "You are welcome. May I assist you with anything else?",
                                "Goodbye. We wish you a pleasant day.",
                                "You are welcome. We wish you a pleasant day.",
                                "Very well. Please let us know if you require any further assistance."),
                        new Replies("Hi! How can I help?", "You're welcome! Anything else?", "Bye!",
                                "You're welcome! Bye.", "Great. Anything else?")}[style];
            };
        }
    }
}
