package com.frontline.chat;

import com.frontline.tenants.Persona;
import com.frontline.tenants.Tone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SmallTalkTest {

    static final Persona AVA = new Persona("Ava", Tone.FRIENDLY, null, "Hi, I'm Ava!",
            "I'm not sure about that one. Shall I connect you with someone from the team?", "en");

    @ParameterizedTest
    @ValueSource(strings = {"hi", "Hi", "Hi!", "hello", "Hello there", "hey there :)", "Good morning",
            "good evening!", "hiya", "Hi Ava", "hello again", "Hi, how are you?", "Hallo", "Guten Morgen",
            "Bonjour !", "¡Hola!", "Buenos días", "Goedemorgen", "Grüß Gott"})
    void greetingsAreGreetedBack(String message) {
        assertThat(SmallTalk.kinds(message, "Ava")).containsExactly(SmallTalk.Kind.GREETING);
        assertThat(SmallTalk.reply(AVA, message)).contains("Hi there! How can I help you today?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"thanks!", "Thanks", "thank you", "Thank you so much", "thanks a lot", "Thanks, Ava!",
            "thx", "many thanks", "Thank you very much for your help!", "ok thanks", "great, thanks",
            "Thanks, that worked!", "perfect thank you", "cheers", "Danke schön", "Vielen Dank", "Merci beaucoup",
            "Muchas gracias", "Dank je wel", "bedankt!", "thanks for the info"})
    void thanksAreWelcomed(String message) {
        assertThat(SmallTalk.kinds(message, "Ava")).contains(SmallTalk.Kind.THANKS)
                .doesNotContain(SmallTalk.Kind.GOODBYE);
        assertThat(SmallTalk.reply(AVA, message)).contains("You're welcome! Is there anything else I can help you with?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bye", "Bye!", "goodbye", "that's all", "That’s all.", "thats it", "see you",
            "have a nice day", "no thanks", "Tschüss", "Au revoir", "adiós", "Tot ziens"})
    void goodbyesAreSaidBack(String message) {
        assertThat(SmallTalk.kinds(message, "Ava")).contains(SmallTalk.Kind.GOODBYE);
        assertThat(SmallTalk.reply(AVA, message).orElseThrow()).startsWith("Goodbye");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok thanks, bye", "Thanks, bye!", "thank you, that's all", "thanks and have a nice day",
            "Danke, tschüss"})
    void thanksWithAGoodbyeGetOneReplyToBoth(String message) {
        assertThat(SmallTalk.reply(AVA, message)).contains("You're welcome! Have a great day.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok", "OK.", "okay", "great", "Great!", "perfect", "got it", "cool", "sounds good",
            "alright", "ok great", "Alles klar", "d'accord", "vale", "prima"})
    void acknowledgementsAreAcknowledged(String message) {
        assertThat(SmallTalk.kinds(message, "Ava")).containsExactly(SmallTalk.Kind.ACKNOWLEDGEMENT);
        assertThat(SmallTalk.reply(AVA, message)).contains("Great! Just ask if there's anything else you'd like to know.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hi, how do I return an item?", "Hello, I have a question about my order",
            "hi there, where is my parcel?", "thanks but that didn't help, how do I reset my password?",
            "Thanks, but what about refunds?", "ok and how long does that take?", "great, and for Germany?",
            "Good morning, can I change my delivery address?", "bye the way, do you ship to Norway?",
            "yes please", "yes", "no", "help", "hello?? is anyone there? my kettle is broken", "Thank you for nothing",
            "thanks for your help with the refund, when does it arrive?", "ok so how much is shipping",
            "How are you able to deliver so fast?", "Hi, I'd like to speak to a person", "returns", "",
            "   ", "👍", "?", "you", "so much", "again",
            "Hello, hello, hello, hello, hello, hello, hello, hello, hello, hello, hello, hello, hello, hello, hi"})
    void questionsAndAnythingElseGoTheNormalWay(String message) {
        assertThat(SmallTalk.kinds(message, "Ava")).isEmpty();
        assertThat(SmallTalk.reply(AVA, message)).isEmpty();
    }

    @Test
    void theRepliesFollowThePersonasLanguageAndTone() {
        Persona formalGerman = new Persona("Max", Tone.FORMAL, null, "Guten Tag", "Das weiß ich nicht.", "de");
        assertThat(SmallTalk.reply(formalGerman, "Hallo")).contains("Guten Tag! Wie kann ich Ihnen behilflich sein?");
        assertThat(SmallTalk.reply(formalGerman, "thanks")).contains(
                "Sehr gern. Kann ich Ihnen noch anderweitig behilflich sein?");
        Persona conciseFrench = new Persona("Léa", Tone.CONCISE, null, "Bonjour", "Je ne sais pas.", "fr");
        assertThat(SmallTalk.reply(conciseFrench, "merci, au revoir")).contains("Avec plaisir ! Au revoir.");
        Persona spanish = new Persona("Sol", Tone.FRIENDLY, null, "Hola", "No lo sé.", "ES");
        assertThat(SmallTalk.reply(spanish, "hola")).contains("¡Hola! ¿En qué puedo ayudarte hoy?");
        Persona dutch = new Persona("Bo", Tone.CUSTOM, "Schrijf kort.", "Hoi", "Geen idee.", "nl");
        assertThat(SmallTalk.reply(dutch, "bedankt")).contains("Graag gedaan! Nog iets?");
        Persona unknownLanguage = new Persona("Ada", Tone.FRIENDLY, null, "Hej", "Ved ikke.", "da");
        assertThat(SmallTalk.reply(unknownLanguage, "hi")).contains("Hi there! How can I help you today?");
    }

    @ParameterizedTest
    @EnumSource(Tone.class)
    void everyToneAndLanguageHasItsOwnWordsForEveryKind(Tone tone) {
        for (String language : List.of("en", "de", "fr", "es", "nl")) {
            SmallTalk.Replies r = SmallTalk.Replies.of(tone, language);
            Set<String> distinct = new HashSet<>(List.of(r.greeting(), r.thanks(), r.goodbye(), r.thanksGoodbye(),
                    r.acknowledgement()));
            assertThat(distinct).as(tone + " " + language).hasSize(5).allSatisfy(s -> assertThat(s).isNotBlank());
            // never the fallback, never an offer of a person
            assertThat(distinct).noneMatch(s -> s.toLowerCase().contains("connect") || s.contains("team"));
        }
    }
}
