package com.frontline.chat;

public enum Author {
    CUSTOMER, ASSISTANT, AGENT, SYSTEM
}
