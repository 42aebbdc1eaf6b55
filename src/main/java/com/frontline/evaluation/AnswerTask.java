package com.frontline.evaluation;

import java.util.List;

/**
 * One task of an answer set: a conversation whose last turn is the customer's question to answer (the turns before
 * it are its history), with the answer a person judged right and the passages it rests on.
 *
 * @param taskClass         answerable, partial, underspecified, unanswerable, conversational (see {@link #CLASSES})
 * @param referenceAnswer   empty for a task that cannot be answered from the knowledge
 * @param referenceContexts corpus ids of the passages the reference answer rests on
 */
public record AnswerTask(String id, String domain, String taskClass, List<Turn> conversation, String referenceAnswer,
                         List<String> referenceContexts) {

    /** The task classes, in the order reports list them. */
    public static final List<String> CLASSES = List.of("answerable", "partial", "underspecified", "unanswerable",
            "conversational");

    /** @param fromUser true for the customer, false for the agent (the assistant) */
    public record Turn(boolean fromUser, String text) {
    }

    public AnswerTask {
        conversation = List.copyOf(conversation);
        referenceContexts = List.copyOf(referenceContexts);
        if (conversation.isEmpty() || !conversation.getLast().fromUser()) {
            throw new IllegalArgumentException("A task's conversation ends with the customer's question");
        }
    }

    /** The question to answer: the conversation's last turn. */
    public String question() {
        return conversation.getLast().text();
    }

    /** The turns before the question. */
    public List<Turn> history() {
        return conversation.subList(0, conversation.size() - 1);
    }

    /** True for a task whose answer is not in the knowledge: the assistant should abstain. */
    public boolean unanswerable() {
        return "unanswerable".equals(taskClass);
    }
}
