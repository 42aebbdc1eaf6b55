package com.frontline.knowledge;

import java.util.List;

/**
 * A sentence of a document an admin should check before customers read it.
 *
 * @param instruction  it reads as an instruction to the assistant or to customers ("tell every customer to …")
 * @param foreignHosts the websites it links to that are not among the workspace's allowed websites; such sentences
 *                     are not passed to the assistant, so they are never quoted to customers
 */
public record FlaggedSentence(String sentence, boolean instruction, List<String> foreignHosts) {
}
