package com.frontline.llm;

/** Who said a turn of the conversation. */
public enum Speaker { CUSTOMER, ASSISTANT, AGENT }
