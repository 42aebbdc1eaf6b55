package com.frontline.llm.internal;

import com.frontline.platform.EmbeddedProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
class LlmConfiguration {

    /** Loaded at startup, so that production without FRONTLINE_MASTER_KEY fails at once, not at the first save. */
    @Bean
    KeyCipher keyCipher(LlmProperties properties, EmbeddedProperties embedded, Environment environment) {
        return new KeyCipher(MasterKey.load(properties.masterKey(), environment.acceptsProfiles(Profiles.of("prod")),
                embedded));
    }
}
