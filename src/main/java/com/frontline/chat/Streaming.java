package com.frontline.chat;

import com.frontline.llm.TokenSink;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Streams a text that was written all at once (the offline answerer's answer, the fallback, a reply to small talk)
 * in groups of a few words, paced like a model's tokens, so the chat shows it arriving. The first group goes out at
 * once; the pause ({@code frontline.chat.offline-stream-pace}) comes between groups. Runs on the answering thread:
 * the answer is stored after its last group, so a chat never sees the stored message overtake the stream.
 */
@Component
class Streaming {

    /** Words per event: about what a model's stream delivers in one chunk of a few tokens. */
    static final int WORDS_PER_GROUP = 3;
    /** A word with the whitespace that follows it. */
    private static final Pattern WORD = Pattern.compile("\\S+\\s*|\\s+");

    private final Duration pace;

    @Autowired
    Streaming(ChatProperties properties) {
        this(properties.offlineStreamPace());
    }

    /** For tests: a given pace. */
    Streaming(Duration pace) {
        this.pace = pace.isNegative() ? Duration.ZERO : pace;
    }

    void stream(String text, TokenSink sink) {
        List<String> groups = groups(text, WORDS_PER_GROUP);
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0 && !pace.isZero() && !Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(pace);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // shutting down: the rest goes out without pauses
                }
            }
            sink.token(groups.get(i));
        }
    }

    /** The text in pieces of {@code words} words each (whitespace kept), which joined give the text back exactly. */
    static List<String> groups(String text, int words) {
        List<String> groups = new ArrayList<>();
        StringBuilder group = new StringBuilder();
        int inGroup = 0;
        var m = WORD.matcher(text);
        while (m.find()) {
            group.append(m.group());
            if (!m.group().isBlank() && ++inGroup == words) {
                groups.add(group.toString());
                group.setLength(0);
                inGroup = 0;
            }
        }
        if (!group.isEmpty()) {
            groups.add(group.toString());
        }
        return groups;
    }
}
